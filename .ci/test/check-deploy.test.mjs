// The checker passes on the real manifests against code of the contracted shape, and fails, with
// a sentence that says what is wrong, on copies broken one small edit at a time.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { checkDeployment } from '../check-deploy.mjs';
import { REPO, fakeRepo, removeFakeRepos } from './fake-repo.mjs';

after(removeFakeRepos);

function problemsWith(edits, omit) {
  return checkDeployment(fakeRepo({ edits, omit }));
}

/** Asserts the edit broke exactly one manifest's check, with a problem matching `expected`. */
function assertFails(problems, manifest, expected) {
  assert.ok(problems.some((p) => expected.test(p)), `expected ${expected} among:\n${problems.join('\n')}`);
  for (const p of problems) assert.ok(p.startsWith(`${manifest}: `), `unexpected problem: ${p}`);
}

test('the real template.yml and s.yaml pass against code of the contracted shape', () => {
  assert.deepEqual(checkDeployment(fakeRepo()), []);
});

describe('template.yml broken on purpose', () => {
  const cases = [
    ['a handler class that is not in the jar', [["'chatops.front.FrontHandler::handleRequest'", "'chatops.front.NoSuchHandler::handleRequest'"]],
      /Handler: class chatops\.front\.NoSuchHandler is not in \.\/front-fc\/target\/front-fc\.jar/],
    ['a handler method the class does not have', [["'chatops.execution.ExecutionHandler::handleRequest'", "'chatops.execution.ExecutionHandler::handle'"]],
      /Handler: chatops\.execution\.ExecutionHandler has no public instance method handle\(java\.io\.InputStream/],
    ['an initializer method the class does not have', [["'chatops.front.FrontHandler::initialize'", "'chatops.front.FrontHandler::init'"]],
      /Initializer: chatops\.front\.FrontHandler has no public instance method init\(com\.aliyun\.fc\.runtime\.Context\)/],
    ['the Front handler pointed at the event-style Execution class', [["'chatops.front.FrontHandler::handleRequest'", "'chatops.execution.ExecutionHandler::handleRequest'"]],
      /function front: Handler and Initializer must name chatops\.front\.FrontHandler/],
    ['a CodeUri that does not exist', [["'./execution-fc/target/execution-fc.jar'", "'./execution-fc/target/execution.jar'"]],
      /CodeUri \.\/execution-fc\/target\/execution\.jar does not exist/],
    ['a trigger method that is not HTTP', [['              - POST', '              - FETCH']],
      /FETCH is not an HTTP method/],
    ['a real HTTP method other than POST', [['              - POST', '              - POST\n              - GET']],
      /must allow POST only/],
    ['a trigger on the Execution', [["        Timeout: 300\n", "        Timeout: 300\n      Events:\n        direct:\n          Type: HTTP\n          Properties:\n            AuthType: ANONYMOUS\n            Methods: [POST]\n"]],
      /function execution: must have no trigger/],
    ['a missing environment variable', [["          SLACK_CHANNEL: '${SLACK_CHANNEL}'\n", '']],
      /function front: SLACK_CHANNEL is read by the Front .* but not declared/],
    ['an environment variable no code reads', [["          ECS_ENDPOINT: ''\n", "          ECS_ENDPOINT: ''\n          DEBUG: 'true'\n"]],
      /function execution: declares DEBUG, which no code reads/],
    ['a variable only the Execution reads, missing from it', [["          ECS_REGION: '${ECS_REGION}'\n", '']],
      /function execution: ECS_REGION is read by the Execution/],
    ['a platform variable declared', [["          INVOKE_FC: execution\n", "          INVOKE_FC: execution\n          FC_REGION: cn-hangzhou\n"]],
      /declares FC_REGION, which the platform sets/],
    ['a secret committed in clear', [["SLACK_SIGNING_SECRET: '${SLACK_SIGNING_SECRET}'", "SLACK_SIGNING_SECRET: 'e3b0c44298fc1c149afbf4c8996fb924'"]],
      /SLACK_SIGNING_SECRET is a secret: its value must be \$\{SLACK_SIGNING_SECRET\} or ''/],
    ['INVOKE_FC naming another function', [['          INVOKE_FC: execution', '          INVOKE_FC: worker']],
      /INVOKE_FC must name the Execution's function "execution"/],
    ['an ECS action the code calls, missing', [["                - 'ecs:RebootInstances'\n", '']],
      /service chatops-execution: does not grant ecs:RebootInstances, which .*AliyunEcsGateway\.java calls/],
    ['an ECS action the code does not call, added', [["                - 'ecs:RebootInstances'\n", "                - 'ecs:RebootInstances'\n                - 'ecs:DeleteInstance'\n"]],
      /service chatops-execution: grants ecs:DeleteInstance, which the Execution's code does not call/],
    ['AliyunECSFullAccess attached', [['      Policies:\n        - Version', '      Policies:\n        - AliyunECSFullAccess\n        - Version']],
      /service chatops-execution: attaches system policy AliyunECSFullAccess/],
    ['a wildcard ECS action', [["                - 'ecs:StartInstances'\n", "                - 'ecs:*'\n"]],
      /wildcard action ecs:\* grants more than the code calls/],
    ['the Front allowed to invoke any function', [['services/chatops-execution/functions/execution', 'services/*/functions/*']],
      /service chatops-front: grants on acs:fc:\$\{REGION\}:\$\{ACCOUNT_ID\}:services\/\*\/functions\/\*; must be exactly/],
    ['a Role that bypasses the policies', [["      Description: 'Verifies Slack", "      Role: 'acs:ram::123:role/AliyunFcDefaultRole'\n      Description: 'Verifies Slack"]],
      /service chatops-front: Role acs:ram::123:role\/AliyunFcDefaultRole is given/],
    ['a memory size FC does not offer', [['MemorySize: 512', 'MemorySize: 500']],
      /MemorySize 500 is not a multiple of 64/],
    ['an Execution timeout that leaves no time to wait', [['Timeout: 300', 'Timeout: 15']],
      /Timeout 15 s leaves no wait/],
    ['a Front without instance concurrency', [['        InstanceConcurrency: 20\n', '']],
      /InstanceConcurrency must be > 1/],
    ['an AsyncConfiguration without the Destination fun needs', [['          Destination: {}\n', '']],
      /needs a Destination map/],
    ['the wrong runtime', [['        Runtime: java11\n        CodeUri: \'./front', '        Runtime: java8\n        CodeUri: \'./front']],
      /Runtime is java8/],
  ];
  for (const [name, edits, expected] of cases) {
    test(name, () => assertFails(problemsWith({ 'template.yml': edits }), 'template.yml', expected));
  }
});

describe('s.yaml broken on purpose', () => {
  const cases = [
    ['a handler class that is not in the jar', [["handler: 'chatops.front.FrontHandler::handleRequest'", "handler: 'chatops.front.Front::handleRequest'"]],
      /class chatops\.front\.Front is not in/],
    ['a missing codeUri', [["codeUri: './front-fc/target/front-fc.jar'", "codeUri: './front-fc/target/nope.jar'"]],
      /CodeUri \.\/front-fc\/target\/nope\.jar does not exist/],
    ['a trigger method that is not HTTP', [['              - POST', '              - post']],
      /post is not an HTTP method/],
    ['an extra environment variable', [["          ECS_ENDPOINT: ''\n", "          ECS_ENDPOINT: ''\n          SLACK_CHANNEL: ops\n"]],
      /function execution: declares SLACK_CHANNEL, which the Execution does not read/],
    ['an ECS action missing', [["                    - 'ecs:RebootInstances'\n", '']],
      /does not grant ecs:RebootInstances/],
    ['AliyunECSFullAccess added to the role', [['          policies:\n            - name: chatops-execution-ecs', '          policies:\n            - AliyunECSFullAccess\n            - name: chatops-execution-ecs']],
      /attaches system policy AliyunECSFullAccess/],
    ['both functions in one service (one shared role)', [['        name: chatops-front\n', '        name: chatops-execution\n']],
      /share service chatops-execution, so they would share one role/],
  ];
  for (const [name, edits, expected] of cases) {
    test(name, () => assertFails(problemsWith({ 's.yaml': edits }), 's.yaml', expected));
  }
});

describe('code that changed under the manifests', () => {
  test('a new ECS call the policies do not grant yet fails both manifests', () => {
    const problems = problemsWith({ 'AliyunEcsGateway.java': [['new RebootInstancesRequest()', 'new RebootInstancesRequest()); client.getAcsResponse(new DeleteInstanceRequest()']] });
    for (const manifest of ['template.yml', 's.yaml']) {
      assert.ok(problems.includes(`${manifest}: service chatops-execution: does not grant ecs:DeleteInstance, which execution-fc/src/main/java/chatops/execution/AliyunEcsGateway.java calls`), problems.join('\n'));
    }
  });

  test('a new variable the manifests do not declare yet fails both manifests', () => {
    const problems = problemsWith({ 'Variable.java': [['    ECS_REGION(', '    ECS_WAIT_SECONDS(Secrecy.PLAIN, Reader.EXECUTION),\n    ECS_REGION(']] });
    assert.deepEqual(problems.filter((p) => p.includes('ECS_WAIT_SECONDS')), [
      'template.yml: function execution: ECS_WAIT_SECONDS is read by the Execution (shared/src/main/java/chatops/config/Variable.java) but not declared',
      's.yaml: function execution: ECS_WAIT_SECONDS is read by the Execution (shared/src/main/java/chatops/config/Variable.java) but not declared',
    ]);
  });

  test('a variable whose readers cannot be told is a failure, not a guess', () => {
    const problems = problemsWith({ 'Variable.java': [['ECS_REGION(Secrecy.PLAIN, Reader.EXECUTION)', 'ECS_REGION(Secrecy.PLAIN, true)']] });
    assert.ok(problems.includes('code: shared/src/main/java/chatops/config/Variable.java: ECS_REGION names no reader (FRONT or EXECUTION)'), problems.join('\n'));
  });

  test('missing sources and jars are reported, each by name (how the repo looks before the code lands)', () => {
    const problems = problemsWith({}, ['shared/src/main/java/chatops/config/Variable.java', 'front-fc/target/front-fc.jar']);
    assert.ok(problems.includes('code: shared/src/main/java/chatops/config/Variable.java is missing (the check reads it)'));
    assert.ok(problems.includes('template.yml: function front: CodeUri ./front-fc/target/front-fc.jar does not exist (run mvn -B -DskipTests package first)'));
  });
});

describe('command line', () => {
  const run = (root) => spawnSync(process.execPath, [join(REPO, '.ci/check-deploy.mjs'), '--root', root], { encoding: 'utf8' });

  test('exits 0 and says ok when consistent', () => {
    const result = run(fakeRepo());
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /check-deploy: ok/);
  });

  test('exits 1 with one FAIL line per problem, never printing a secret value', () => {
    const result = run(fakeRepo({ edits: { 'template.yml': [["SLACK_SIGNING_SECRET: '${SLACK_SIGNING_SECRET}'", "SLACK_SIGNING_SECRET: 'e3b0c44298fc1c149afbf4c8996fb924'"]] } }));
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^check-deploy: FAIL template\.yml: function front: SLACK_SIGNING_SECRET is a secret/m);
    assert.doesNotMatch(result.stdout, /e3b0c442/);
  });
});
