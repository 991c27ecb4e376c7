package vn.lienthong.axis.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * Reads a {@code getEdoc} answer, {@code {"status":"OK",…,"data":"<base64 of the whole package>"}}, and decodes
 * {@code data} straight into a sink while it streams. JSON-P cannot do this: its parser materialises every string
 * value, and a package of tens of MB would be held in memory twice (base64 text and bytes). Jackson's streaming
 * parser can: {@link JsonParser#readBinaryValue(Base64Variant, OutputStream)} decodes in chunks.
 *
 * <p>Members other than {@code data} are kept as text (strings, numbers, literals; {@code null} as null); nested
 * values are skipped. Line breaks inside the base64 (some encoders wrap it) are ignored and padding is optional,
 * as the JDK decoder this replaced allowed. One difference to the hand-written reader it replaced: base64 that
 * goes on after a padded quad ({@code "QUI=QUJD"}) is decoded as a concatenation rather than refused; such a
 * package still has to pass the EDXML reader and its signature check before anything is filed.
 */
final class Base64DataAnswerReader {

    /** Every member but {@code data} is a short scalar; a longer one is not an axis answer. */
    private static final int MAX_SCALAR_CHARS = 64 * 1024;

    private static final Base64Variant BASE64 = Base64Variants.MIME_NO_LINEFEEDS
            .withReadPadding(Base64Variant.PaddingReadBehaviour.PADDING_ALLOWED);

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_SCALAR_CHARS).build())
            // The caller owns the HTTP body and closes it.
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private Base64DataAnswerReader() {
    }

    /** @throws MalformedAnswerException when the body is not such an object or {@code data} is not base64 */
    static AxisAnswer read(InputStream body, OutputStream dataSink) throws IOException {
        try (JsonParser json = JSON.createParser(body)) {
            return readObject(json, dataSink);
        } catch (JsonProcessingException e) {
            // Only what the parser says about the text; a failing read of the body itself stays an IOException.
            throw new MalformedAnswerException(e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            // Jackson's base64 decoder reports a character outside the alphabet this way.
            throw new MalformedAnswerException("data is not base64: " + e.getMessage(), e);
        }
    }

    static final class MalformedAnswerException extends IOException {
        MalformedAnswerException(String message) {
            super(message);
        }

        MalformedAnswerException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static AxisAnswer readObject(JsonParser json, OutputStream dataSink) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            throw new MalformedAnswerException("expected a JSON object");
        }
        Map<String, String> scalars = new HashMap<>();
        for (String member = json.nextFieldName(); member != null; member = json.nextFieldName()) {
            JsonToken value = json.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                json.skipChildren();
            } else if (value == JsonToken.VALUE_STRING && "data".equals(member)) {
                json.readBinaryValue(BASE64, dataSink);
                scalars.put(member, "<streamed>");
            } else if (value == JsonToken.VALUE_NULL) {
                scalars.put(member, null);
            } else {
                scalars.put(member, json.getText());
            }
        }
        if (json.currentToken() != JsonToken.END_OBJECT) {
            throw new MalformedAnswerException("expected a member or the end of the object");
        }
        return new AxisAnswer(scalars);
    }
}
