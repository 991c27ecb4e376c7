package vn.lienthong.axis.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64DataAnswerReaderTest {

    @Test
    void decodesDataWhereverItStandsAndKeepsOtherMembers() throws IOException {
        byte[] payload = new byte[300_000];
        new Random(7).nextBytes(payload);
        String base64 = Base64.getEncoder().encodeToString(payload).replace("/", "\\/");
        String json = "{ \"data\" : \"" + base64 + "\", \"nested\":{\"a\":[1,\"}\"]},"
                + "\"status\":\"OK\",\"ErrorCode\":0,\"ErrorDesc\":\"Th\\u00e0nh c\u00f4ng\"}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        AxisAnswer answer = Base64DataAnswerReader.read(stream(json), out);

        assertArrayEquals(payload, out.toByteArray());
        assertTrue(answer.isSuccess());
        assertEquals("Thành công", answer.errorDesc());
    }

    @Test
    void failAnswerWithoutData() throws IOException {
        AxisAnswer answer = Base64DataAnswerReader.read(
                stream("{\"status\":\"FAIL\",\"ErrorCode\":\"-1\",\"ErrorDesc\":\"not found\",\"data\":null}"),
                new ByteArrayOutputStream());
        assertFalse(answer.isSuccess());
        assertEquals("-1", answer.errorCode());
    }

    @Test
    void rejectsDataThatIsNotBase64() {
        assertThrows(IOException.class, () -> Base64DataAnswerReader.read(
                stream("{\"status\":\"OK\",\"data\":\"@@@@\"}"), new ByteArrayOutputStream()));
    }

    @Test
    void rejectsATruncatedBody() {
        assertThrows(IOException.class, () -> Base64DataAnswerReader.read(
                stream("{\"status\":\"OK\",\"data\":\"QUJD"), new ByteArrayOutputStream()));
    }

    @Test
    void acceptsBase64WrappedInLinesAndWithoutPadding() throws IOException {
        byte[] payload = new byte[1000];
        new Random(11).nextBytes(payload);
        String wrapped = Base64.getMimeEncoder().encodeToString(payload).replace("\r\n", "\\r\\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Base64DataAnswerReader.read(stream("{\"status\":\"OK\",\"data\":\"" + wrapped + "\"}"), out);
        assertArrayEquals(payload, out.toByteArray());

        ByteArrayOutputStream unpadded = new ByteArrayOutputStream();
        Base64DataAnswerReader.read(stream("{\"status\":\"OK\",\"data\":\"QUJDRA\"}"), unpadded);
        assertEquals("ABCD", unpadded.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void refusesAnOverlongScalarMemberButNotALongData() {
        String longText = "x".repeat(70_000);
        assertThrows(Base64DataAnswerReader.MalformedAnswerException.class, () -> Base64DataAnswerReader.read(
                stream("{\"status\":\"OK\",\"ErrorDesc\":\"" + longText + "\"}"), new ByteArrayOutputStream()));
    }

    @Test
    void refusesABodyThatIsNoObjectAndDataOutsideTheAlphabet() {
        assertThrows(Base64DataAnswerReader.MalformedAnswerException.class, () -> Base64DataAnswerReader.read(
                stream("{\"status\":\"OK\",\"data\":\"QUJD\u00e0\"}"), new ByteArrayOutputStream()));
        assertThrows(Base64DataAnswerReader.MalformedAnswerException.class, () -> Base64DataAnswerReader.read(
                stream("[\"status\"]"), new ByteArrayOutputStream()));
    }

    @Test
    void aBodyThatFailsToReadIsNotCalledMalformed() {
        java.io.InputStream failing = new java.io.InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        IOException e = assertThrows(IOException.class,
                () -> Base64DataAnswerReader.read(failing, new ByteArrayOutputStream()));
        assertFalse(e instanceof Base64DataAnswerReader.MalformedAnswerException, e.toString());
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
