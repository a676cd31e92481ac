package cn.cm135.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Opens an uploaded file as text. Chinese Excel saves CSV as GBK unless told otherwise, other tools
 * write UTF-8 with or without a byte-order mark; "auto" tells them apart by the BOM, else by whether
 * the first 64 KB are strictly valid UTF-8 (GBK text practically never is).
 */
record DecodedInput(Reader reader, String charsetName) {

    static final Charset GBK = Charset.forName("GBK");
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    static DecodedInput open(InputStream in, EncodingChoice choice) throws IOException {
        byte[] head = in.readNBytes(SNIFF_BYTES);
        boolean bom = startsWithBom(head);
        int skip = bom ? UTF8_BOM.length : 0;
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(head, skip, head.length - skip), in);
        Charset charset = switch (choice) {
            case UTF_8 -> StandardCharsets.UTF_8;
            case GBK -> {
                if (bom) {
                    // The BOM says UTF-8; decoding it as GBK would silently garble the header.
                    throw new FileEncodingException(1, "第 1 行：文件带有 UTF-8 BOM，是 UTF-8 编码，请选择 UTF-8 或自动识别"
                            + " (file has a UTF-8 byte-order mark)");
                }
                yield GBK;
            }
            case AUTO -> bom || isValidUtf8(head, head.length < SNIFF_BYTES) ? StandardCharsets.UTF_8 : GBK;
        };
        String name = charset == GBK ? "GBK" : "UTF-8";
        return new DecodedInput(new StrictDecodingReader(rest, charset, name), name);
    }

    private static boolean startsWithBom(byte[] head) {
        return head.length >= 3 && head[0] == UTF8_BOM[0] && head[1] == UTF8_BOM[1] && head[2] == UTF8_BOM[2];
    }

    // When the sample ends mid-file, a multi-byte character cut at the end is not an error.
    private static boolean isValidUtf8(byte[] sample, boolean wholeFile) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(sample.length + 1);
        return !decoder.decode(ByteBuffer.wrap(sample), out, wholeFile).isError();
    }
}
