// render.mjs fills the deploy-time placeholders and refuses to produce a half-filled manifest.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { render } from '../render.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REQUIRED = { REGION: 'cn-hangzhou', ACCOUNT_ID: '1234567890', SLACK_SIGNING_SECRET: 'sig', SLACK_CHANNEL: 'C01,#ops', ECS_REGION: 'cn-shanghai' };

test('fills required placeholders and falls back to the written defaults', () => {
  const { text, missing } = render(readFileSync(join(REPO, 'template.yml'), 'utf8'), REQUIRED);
  assert.deepEqual(missing, []);
  const front = yaml.load(text).Resources['chatops-front'].front.Properties;
  assert.equal(front.EnvironmentVariables.SLACK_CHANNEL, 'C01,#ops');
  assert.equal(front.EnvironmentVariables.SLACK_TEAM, '');
  assert.equal(front.EnvironmentVariables.ECS_MAX_INSTANCES, '20');
  assert.equal(front.EnvironmentVariables.FUNCTION_COMPUTE_ENDPOINT, 'https://1234567890.cn-hangzhou-internal.fc.aliyuncs.com');
  const policy = yaml.load(text).Resources['chatops-front'].Properties.Policies[0];
  assert.equal(policy.Statement[0].Resource, 'acs:fc:cn-hangzhou:1234567890:services/chatops-execution/functions/execution');
});

test('an empty value is a choice, an unset one is an error naming every missing variable', () => {
  const { missing } = render(readFileSync(join(REPO, 's.yaml'), 'utf8'), { ...REQUIRED, SLACK_SIGNING_SECRET: '' });
  assert.deepEqual(missing, []);
  const { missing: unset } = render(readFileSync(join(REPO, 's.yaml'), 'utf8'), { SLACK_CHANNEL: 'C01' });
  assert.deepEqual(unset, ['ACCOUNT_ID', 'ECS_REGION', 'REGION', 'SLACK_SIGNING_SECRET']);
});

test('values that are YAML syntax stay plain strings', () => {
  const source = "a: '${X}'\nb: 'x-${Y:-d}-y'\nc: '${env(Z)}'\nd: '${vars.region}'\n";
  const tricky = 'key: value # not a comment\n- not a list\n"quoted"';
  const { text } = render(source, { X: tricky, Y: '{}' });
  assert.deepEqual(yaml.load(text), { a: tricky, b: 'x-{}-y', c: '${env(Z)}', d: '${vars.region}' });
});

test('the command refuses, exit 1, and prints no manifest when a variable is unset', () => {
  const result = spawnSync(process.execPath, [join(REPO, '.ci/render.mjs'), join(REPO, 'template.yml')], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  assert.equal(result.status, 1);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /set these variables first \(empty is allowed\): ACCOUNT_ID, ECS_REGION, REGION, SLACK_CHANNEL, SLACK_SIGNING_SECRET/);
});
