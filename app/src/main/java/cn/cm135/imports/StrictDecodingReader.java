package cn.cm135.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a byte stream and fails on the first malformed byte instead of inventing U+FFFD, so that a
 * file in the wrong encoding is rejected rather than imported as garbage.
 *
 * <p>{@link java.io.InputStreamReader} would also report the error, but it throws while the parser is
 * still several kilobytes behind, which makes the line number useless. This reader first hands out
 * every character decoded before the bad byte and counts line breaks itself, so the error names the
 * line the bad byte is on.
 */
final class StrictDecodingReader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private final String charsetLabel;
    private boolean endOfInput;
    private boolean flushed;
    private long newlinesDelivered;
    private CoderResult pendingError;

    StrictDecodingReader(InputStream in, Charset charset, String charsetLabel) {
        this.in = in;
        this.charsetLabel = charsetLabel;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (pendingError != null) {
            throw encodingError();
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (out.position() == offset) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                pendingError = result;
                break;
            }
            if (result.isOverflow()) {
                break;
            }
            if (endOfInput) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                break;
            }
            fill();
        }
        int produced = out.position() - offset;
        if (produced == 0) {
            if (pendingError != null) {
                throw encodingError();
            }
            return -1;
        }
        countNewlines(target, offset, produced);
        return produced;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void countNewlines(char[] chars, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            if (chars[i] == '\n') {
                newlinesDelivered++;
            }
        }
    }

    private FileEncodingException encodingError() {
        long line = newlinesDelivered + 1;
        String alternative = "GBK".equals(charsetLabel) ? "UTF-8" : "GBK";
        return new FileEncodingException(line, "第 " + line + " 行：文件不是有效的 " + charsetLabel
                + " 编码，请另存为 UTF-8 或选择 " + alternative + " (file is not valid " + charsetLabel + ")");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
