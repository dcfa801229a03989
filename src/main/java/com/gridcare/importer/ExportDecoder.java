package com.gridcare.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns an export's bytes into text. Chinese utilities' systems often export GBK rather than UTF-8, so without a
 * given encoding a file is read as UTF-8 (with or without a byte order mark) and else as GBK. Decoding is strict in
 * every case: a wrong guess must show as an error, not as garbled names in the database.
 */
final class ExportDecoder {

    static final Charset GBK = Charset.forName("GBK");
    private static final int BOM_LENGTH = 3;

    private ExportDecoder() {
    }

    record DecodedText(String text, Charset charset) {
    }

    /** The bytes are not text in the expected encoding; {@code line} is where the first bad byte is. */
    static final class UndecodableException extends Exception {
        private final int line;

        UndecodableException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    static DecodedText decode(byte[] bytes, Optional<Charset> encoding) throws UndecodableException {
        boolean bom = startsWithUtf8Bom(bytes);
        if (encoding.isPresent()) {
            Charset charset = encoding.get();
            return strictly(bytes, bom && charset.equals(StandardCharsets.UTF_8) ? BOM_LENGTH : 0, charset);
        }
        if (bom) {
            try {
                return strictly(bytes, BOM_LENGTH, StandardCharsets.UTF_8);
            } catch (UndecodableException e) {
                throw new UndecodableException(e.line(), "starts with a UTF-8 byte order mark but is not valid UTF-8");
            }
        }
        try {
            return strictly(bytes, 0, StandardCharsets.UTF_8);
        } catch (UndecodableException notUtf8) {
            try {
                return strictly(bytes, 0, GBK);
            } catch (UndecodableException notGbk) {
                throw new UndecodableException(Math.max(notUtf8.line(), notGbk.line()),
                        "not valid UTF-8 or GBK (as UTF-8 the first bad byte is on line " + notUtf8.line()
                                + ", as GBK on line " + notGbk.line() + "); give --encoding if it is another charset");
            }
        }
    }

    private static DecodedText strictly(byte[] bytes, int offset, Charset charset) throws UndecodableException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(in.remaining() * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new UndecodableException(lineOf(bytes, in.position()),
                    "not valid " + charset.name() + ": malformed or unmappable bytes");
        }
        return new DecodedText(out.flip().toString(), charset);
    }

    /** Line numbers count LF bytes, which in UTF-8 and GBK never occur inside a multi-byte character. */
    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean startsWithUtf8Bom(byte[] bytes) {
        return bytes.length >= BOM_LENGTH
                && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
    }
}
