package chatops.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void writesNestedObjectsAndArraysWithCommasOnlyBetweenValues() {
    String json = new JsonWriter(64).beginObject()
        .field("a", "x")
        .beginArray("list").value("1").value(null).beginObject().field("n", 2).endObject().endArray()
        .beginObject("inner").field("ok", true).endObject()
        .field("none", (String) null)
        .endObject().toString();

    assertEquals("{\"a\":\"x\",\"list\":[\"1\",null,{\"n\":2}],\"inner\":{\"ok\":true},\"none\":null}", json);
  }

  @Test
  void emptyContainersStayEmpty() {
    assertEquals("{\"a\":[],\"b\":{}}",
        new JsonWriter(8).beginObject().beginArray("a").endArray().beginObject("b").endObject().endObject().toString());
  }

  @Test
  void escapesLikeJackson() {
    String nasty = "quote\" back\\ tab\t nl\n cr\r bs\b ff\f nul\0 us\u001f slash/ del\u007f";

    String json = new JsonWriter(64).beginObject().field("t", nasty).endObject().toString();

    assertEquals("{\"t\":\"quote\\\" back\\\\ tab\\t nl\\n cr\\r bs\\b ff\\f nul\\u0000 us\\u001F slash/ del\u007f\"}", json);
  }

  @Test
  void nonAsciiTextRoundTripsAsUtf8() throws Exception {
    String text = "起動 ✓ \uD83D\uDE80";

    byte[] json = new JsonWriter(16).beginObject().field("t", text).endObject().toUtf8();

    assertEquals(text, MAPPER.readTree(json).get("t").textValue());
    assertEquals("{\"t\":\"" + text + "\"}", new String(json, StandardCharsets.UTF_8));
  }

  @Test
  void aLoneSurrogateBecomesAQuestionMarkRatherThanInvalidUtf8() throws Exception {
    byte[] json = new JsonWriter(16).beginObject().field("t", "a\uD800b").endObject().toUtf8();

    assertEquals("a?b", MAPPER.readTree(json).get("t").textValue());
  }

  @Test
  void refusesToProduceAnUnfinishedDocument() {
    JsonWriter open = new JsonWriter(8).beginObject().beginArray("a");

    assertThrows(IllegalStateException.class, open::toUtf8);
    assertThrows(IllegalStateException.class, () -> new JsonWriter(8).endObject());
  }
}
