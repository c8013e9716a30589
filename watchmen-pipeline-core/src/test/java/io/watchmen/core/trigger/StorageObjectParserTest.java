package io.watchmen.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.model.pipeline.PipelineTriggerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageObjectParserTest {

    private static final long MAX = 1024 * 1024;
    private final StorageObjectParser parser = new StorageObjectParser(MAX);

    @Test
    void singleDocument_withAllFields_keepsWatchmenJsonTypesAndOrder() {
        ParsedObject parsed = parser.parse(fixture("single.json"));

        assertThat(parsed.items()).hasSize(1);
        ParsedItem item = parsed.items().get(0);
        assertThat(item.error()).isNull();
        assertThat(item.index()).isZero();
        PipelineTriggerDataWithPAT data = item.data();
        assertThat(data.pat()).isEqualTo("tok-single");
        assertThat(data.code()).isEqualTo("order");
        assertThat(data.tenantId()).isEqualTo("t1");
        assertThat(data.triggerType()).isEqualTo(PipelineTriggerType.INSERT);
        Map<String, Object> values = data.data();
        assertThat(values).isInstanceOf(LinkedHashMap.class);
        assertThat(values.get("int")).isEqualTo(1);
        assertThat(values.get("long")).isEqualTo(12345678901L);
        assertThat(values.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(values.get("decimal")).isEqualTo(new BigDecimal("1.50"));
        assertThat(values.get("text")).isEqualTo("héllo");
        assertThat(values.get("flag")).isEqualTo(true);
        assertThat(values).containsEntry("none", null);
        assertThat(values.get("nested")).isInstanceOf(LinkedHashMap.class);
        assertThat(new ArrayList<Object>(((Map<?, ?>) values.get("nested")).keySet())).containsExactly("b", "a");
        assertThat(values.get("list")).isInstanceOf(ArrayList.class);
        assertThat(item.rawContent()).isEqualTo(text("single.json"));
        assertThat(item.toString()).doesNotContain("tok-single");
    }

    @Test
    void prettyPrintedDocument_onManyLines_isOneItem() {
        ParsedObject parsed = parser.parse(fixture("pretty.json"));

        assertThat(parsed.items()).hasSize(1);
        assertThat(parsed.items().get(0).data().pat()).isEqualTo("tok-pretty");
    }

    @Test
    void array_withOneBadItem_failsThatItemOnly() {
        ParsedObject parsed = parser.parse(fixture("array.json"));

        assertThat(parsed.items()).extracting(ParsedItem::index).containsExactly(0, 1, 2);
        assertThat(parsed.items().get(0).data().data()).containsEntry("id", 1);
        assertThat(parsed.items().get(0).rawContent())
                .isEqualTo("{\"pat\": \"tok-a\", \"code\": \"order\", \"data\": {\"id\": 1}}");
        ParsedItem bad = parsed.items().get(1);
        assertThat(bad.data()).isNull();
        assertThat(bad.errorCode()).isEqualTo(ErrorCode.TRIGGER_MALFORMED);
        assertThat(bad.error()).isEqualTo("mem://bucket/array.json item 1: data must be a JSON object, not an array");
        assertThat(bad.rawContent()).contains("tok-b");
        assertThat(parsed.items().get(2).data().triggerType()).isEqualTo(PipelineTriggerType.MERGE);
    }

    @Test
    void brokenArray_failsAsAWhole_andSaysSo() {
        ParsedObject parsed = parser.parse(fixture("broken-array.json"));

        assertThat(parsed.items()).hasSize(1);
        ParsedItem item = parsed.items().get(0);
        assertThat(item.error()).startsWith("mem://bucket/broken-array.json item 0 (whole object): "
                + "the JSON array is broken, so none of its items ran: not JSON");
        assertThat(item.error()).contains("line 3, column 1");
        assertThat(item.rawContent()).isEqualTo(text("broken-array.json"));
    }

    @Test
    void emptyArray_isMalformed() {
        assertThat(parser.parse(fixture("empty-array.json")).items().get(0).error()).endsWith("the JSON array has no items");
    }

    @Test
    void ndjson_withBlankLinesAndOneTruncatedLine_failsThatLineOnly() {
        ParsedObject parsed = parser.parse(fixture("lines.ndjson"));

        assertThat(parsed.items()).extracting(ParsedItem::index).containsExactly(0, 1, 2);
        assertThat(parsed.items().get(0).data().data()).containsEntry("id", 1);
        ParsedItem bad = parsed.items().get(1);
        assertThat(bad.error()).startsWith("mem://bucket/lines.ndjson item 1: line 4: truncated JSON");
        assertThat(bad.rawContent()).isEqualTo("{\"pat\": \"tok-2\", \"code\": \"order\", \"data\": {\"id\": 2");
        assertThat(parsed.items().get(2).data().triggerType()).isEqualTo(PipelineTriggerType.DELETE);
        assertThat(parsed.items().get(2).rawContent()).contains("tok-3");
    }

    @Test
    void ndjson_withBrokenFirstLineAndCrLf_stillReadsTheOtherLines() {
        ParsedObject parsed = parser.parse(fixture("ndjson-first-line-broken.ndjson"));

        assertThat(parsed.items()).hasSize(2);
        assertThat(parsed.items().get(0).error()).startsWith("mem://bucket/ndjson-first-line-broken.ndjson item 0: line 1: not JSON");
        assertThat(parsed.items().get(1).data().pat()).isEqualTo("tok-2");
    }

    @Test
    void truncatedDocument_isReportedAsTruncated() {
        ParsedItem item = single("truncated.json");

        assertThat(item.error()).startsWith("mem://bucket/truncated.json item 0 (whole object): truncated JSON");
        assertThat(item.errorCode()).isEqualTo(ErrorCode.TRIGGER_MALFORMED);
        assertThat(item.rawContent()).isEqualTo(text("truncated.json"));
    }

    @Test
    void notJson_isReportedWithPosition_withoutQuotingTheInput() {
        ParsedItem item = single("not-json.txt");

        assertThat(item.error()).contains("not JSON").contains("line 1").doesNotContain("hello");
    }

    @Test
    void topLevelString_isTheWrongType() {
        assertThat(single("string.json").error()).endsWith("item 0: the item is a string, not a JSON object");
    }

    @Test
    void missingAndBlankFields_areAllNamedInOneMessage() {
        assertThat(single("missing-fields.json").error()).endsWith(
                "item 0: pat is missing; code is blank; data is missing; tenantId must be a string, not a number");
    }

    @Test
    void dataThatIsNotAnObject_isMalformed() {
        assertThat(single("data-not-object.json").error()).endsWith("data must be a JSON object, not a string");
    }

    @Test
    void unknownTriggerType_isMalformed() {
        assertThat(single("unknown-trigger-type.json").error())
                .endsWith("triggerType [upsert] is unknown: use insert, merge, insert-or-merge or delete");
    }

    @Test
    void trailingContentOnOneLine_isMalformed() {
        assertThat(single("trailing.json").error()).contains("content after the end of the JSON document");
    }

    @Test
    void unquotedPat_neverAppearsInTheMessage() {
        ParsedItem item = single("unquoted-pat.json");

        assertThat(item.error()).contains("not JSON").doesNotContain("secretpatvalue123");
    }

    @Test
    void objectOverTheLimit_isTooLarge_beforeAnyParsing() {
        byte[] content = new byte[101];
        content[0] = (byte) 0xFF; // neither UTF-8 nor JSON: the size check must come first
        ParsedObject parsed = new StorageObjectParser(100).parse(object("big.json", content));

        ParsedItem item = parsed.items().get(0);
        assertThat(item.errorCode()).isEqualTo(ErrorCode.OBJECT_TOO_LARGE);
        assertThat(item.error()).contains("101 bytes, more than the limit of 100 (WATCHMEN_MAX_OBJECT_BYTES)");
        assertThat(item.rawContent()).isNull();
    }

    @Test
    void objectWhoseRefSizeIsOverTheLimit_isTooLarge() {
        ObjectRef ref = new ObjectRef("mem", "bucket", "big.json", null, 5000);
        ParsedObject parsed = new StorageObjectParser(100).parse(new StorageObject(ref, "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(parsed.items().get(0).errorCode()).isEqualTo(ErrorCode.OBJECT_TOO_LARGE);
    }

    @Test
    void invalidUtf8_inADocument_isMalformedWithItsOffset() {
        byte[] content = utf8WithBadByte("{\"pat\": \"p\", \"code\": \"c\", \"data\": {\"a\": \"#\"}}");
        ParsedItem item = parser.parse(object("bad-utf8.json", content)).items().get(0);

        assertThat(item.error()).contains("not valid UTF-8 (malformed bytes at offset 41)");
    }

    @Test
    void invalidUtf8_inOneNdjsonLine_failsThatLineOnly() {
        String good = "{\"pat\": \"p\", \"code\": \"c\", \"data\": {}}";
        byte[] content = utf8WithBadByte(good + "\n{\"pat\": \"q\", \"code\": \"c\", \"data\": {\"a\": \"#\"}}\n" + good);
        ParsedObject parsed = parser.parse(object("bad-utf8.ndjson", content));

        assertThat(parsed.items()).hasSize(3);
        assertThat(parsed.items().get(0).failed()).isFalse();
        assertThat(parsed.items().get(1).error()).contains("item 1: line 2: not valid UTF-8");
        assertThat(parsed.items().get(2).failed()).isFalse();
    }

    @Test
    void byteOrderMark_isIgnored() {
        byte[] json = "{\"pat\": \"p\", \"code\": \"c\", \"data\": {}}".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[json.length + 3];
        content[0] = (byte) 0xEF;
        content[1] = (byte) 0xBB;
        content[2] = (byte) 0xBF;
        System.arraycopy(json, 0, content, 3, json.length);

        assertThat(parser.parse(object("bom.json", content)).items().get(0).failed()).isFalse();
    }

    @Test
    void nestingDeeperThanTheLimit_isMalformed_namingTheLimit() {
        ParsedItem item = new StorageObjectParser(MAX, 5, 1000).parse(fixture("deep.json")).items().get(0);

        assertThat(item.error()).contains("too large a JSON structure").contains("nesting depth");
    }

    @Test
    void stringLongerThanTheLimit_isMalformed_namingTheLimit() {
        ParsedItem item = new StorageObjectParser(MAX, 100, 20).parse(fixture("long-string.json")).items().get(0);

        assertThat(item.error()).contains("too large a JSON structure").contains("String value length");
    }

    @Test
    void emptyObject_isMalformed() {
        assertThat(parser.parse(object("empty.json", new byte[0])).items().get(0).error()).endsWith("the object is empty");
    }

    @Test
    void longObjectKey_messageIsCapped() {
        ObjectRef ref = new ObjectRef("mem", "bucket", "k".repeat(2000), null, 0);
        ParsedItem item = parser.parse(new StorageObject(ref, "[1]".getBytes(StandardCharsets.UTF_8))).items().get(0);

        assertThat(item.error()).hasSizeLessThanOrEqualTo(Messages.MAX_MESSAGE_CHARS).endsWith("…");
    }

    @Test
    void parseItem_ofKeptRawContent_readsItAgainUnderItsIndex() {
        ObjectRef ref = new ObjectRef("mem", "bucket", "array.json", null, 0);
        String raw = parser.parse(fixture("array.json")).items().get(2).rawContent();

        ParsedItem again = parser.parseItem(ref, 2, raw);

        assertThat(again.index()).isEqualTo(2);
        assertThat(again.data().data()).containsEntry("id", 3);
        assertThat(parser.parseItem(ref, 4, null).error()).endsWith("item 4: no raw content was kept for this item");
    }

    private ParsedItem single(String name) {
        ParsedObject parsed = parser.parse(fixture(name));
        assertThat(parsed.items()).hasSize(1);
        ParsedItem item = parsed.items().get(0);
        assertThat(item.data()).isNull();
        return item;
    }

    private static byte[] utf8WithBadByte(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '#') {
                bytes[i] = (byte) 0xC3; // a lead byte followed by '"': malformed
                return bytes;
            }
        }
        throw new IllegalArgumentException("no # in " + text);
    }

    static StorageObject fixture(String name) {
        return object(name, bytes(name));
    }

    static StorageObject object(String name, byte[] content) {
        return new StorageObject(new ObjectRef("mem", "bucket", name, null, content.length), content);
    }

    private static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = StorageObjectParserTest.class.getResourceAsStream("StorageObjectParserTest/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
