package vn.lienthong.edxml.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies a package byte for byte and inserts bytes right before the first end tag with a given qualified name.
 * Byte-level so that the signed file is the unsigned file plus the Signature, nothing re-serialised. Markup
 * cannot occur in text or attribute values of well-formed XML, so only comments, CDATA sections and processing
 * instructions need to be skipped; the caller has already proved the input well-formed and DTD-free.
 */
final class EndTagInserter {

    private enum State { TEXT, LT, END_NAME, AFTER_NAME, BANG, BANG_DASH, COMMENT, CDATA, PI }

    private EndTagInserter() {
    }

    static void copyInserting(InputStream in, OutputStream out, String endTagName, byte[] insertion)
            throws IOException {
        byte[] name = endTagName.getBytes(StandardCharsets.UTF_8);
        byte[] buf = new byte[16 * 1024];
        ByteArrayOutputStream held = new ByteArrayOutputStream();
        State state = State.TEXT;
        int matched = 0;
        int run = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            int copiedUpTo = 0;
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                switch (state) {
                    case TEXT -> {
                        if (b == '<') {
                            out.write(buf, copiedUpTo, i - copiedUpTo);
                            held.reset();
                            held.write(b);
                            copiedUpTo = i + 1;
                            state = State.LT;
                        }
                    }
                    case LT -> {
                        held.write(b);
                        copiedUpTo = i + 1;
                        if (b == '/') {
                            matched = 0;
                            state = State.END_NAME;
                        } else if (b == '!') {
                            state = State.BANG;
                        } else {
                            state = b == '?' ? State.PI : State.TEXT;
                            held.writeTo(out);
                            run = 0;
                        }
                    }
                    case END_NAME -> {
                        held.write(b);
                        copiedUpTo = i + 1;
                        if (b == name[matched]) {
                            matched++;
                            if (matched == name.length) {
                                state = State.AFTER_NAME;
                            }
                        } else {
                            held.writeTo(out);
                            state = State.TEXT;
                        }
                    }
                    case AFTER_NAME -> {
                        if (b == '>' || b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                            out.write(insertion);
                            held.writeTo(out);
                            out.write(buf, i, n - i);
                            in.transferTo(out);
                            return;
                        }
                        held.write(b);
                        copiedUpTo = i + 1;
                        held.writeTo(out);
                        state = State.TEXT;
                    }
                    case BANG -> {
                        held.write(b);
                        copiedUpTo = i + 1;
                        held.writeTo(out);
                        state = b == '-' ? State.BANG_DASH : b == '[' ? State.CDATA : State.TEXT;
                        run = 0;
                    }
                    case BANG_DASH -> {
                        state = State.COMMENT;
                        run = 0;
                    }
                    case COMMENT -> {
                        if (b == '-') {
                            run++;
                        } else {
                            state = b == '>' && run >= 2 ? State.TEXT : State.COMMENT;
                            run = 0;
                        }
                    }
                    case CDATA -> {
                        if (b == ']') {
                            run++;
                        } else {
                            state = b == '>' && run >= 2 ? State.TEXT : State.CDATA;
                            run = 0;
                        }
                    }
                    case PI -> {
                        if (b == '>' && run == 1) {
                            state = State.TEXT;
                        }
                        run = b == '?' ? 1 : 0;
                    }
                    default -> throw new IllegalStateException();
                }
            }
            out.write(buf, copiedUpTo, n - copiedUpTo);
        }
        throw new SigningException("end tag </" + endTagName + "> not found while inserting the signature");
    }
}
