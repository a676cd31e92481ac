package cn.cm135.visit;

import java.io.IOException;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Adobe's standard Simplified Chinese font STSong-Light, not embedded, with the predefined CMap UniGB-UCS2-H
 * (ISO 32000-1, 9.7.5.2): the text is written as UCS-2 codes that every conforming reader maps to the
 * Adobe-GB1 glyphs of the font it supplies (Acrobat's Asian font pack, pdf.js and poppler substitute a
 * system CJK font). The PDF then needs no font file at all, neither in the jar nor on the server: the
 * server here has no CJK font, and no well-kept Maven artifact ships one. PDFBox writes the font
 * dictionary but only embeds TrueType fonts itself, so the two methods below supply what it lacks: the
 * code of a character (its UCS-2 value) and that every character has a glyph. Characters outside the
 * Basic Multilingual Plane are not supported (none occur in names and addresses of the GB 2312 range).
 *
 * <p>Widths: 1000 (full width) for CJK; the Latin range (CIDs 1–95) is given 500, half width, as the
 * reader positions glyphs by the widths written here.
 */
final class StandardChineseFont extends PDType0Font {

    static final String FAMILY = "cm135-stsong";

    private StandardChineseFont(COSDictionary font) throws IOException {
        super(font);
    }

    static StandardChineseFont create() {
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, "STSong-Light");
        descriptor.setInt(COSName.FLAGS, 6); // serif, symbolic (a CID font)
        descriptor.setItem(COSName.FONT_BBOX, array(-25, -254, 1000, 880));
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, 880);
        descriptor.setInt(COSName.DESCENT, -120);
        descriptor.setInt(COSName.CAP_HEIGHT, 880);
        descriptor.setInt(COSName.STEM_V, 93);
        COSDictionary systemInfo = new COSDictionary();
        systemInfo.setString(COSName.REGISTRY, "Adobe");
        systemInfo.setString(COSName.ORDERING, "GB1");
        systemInfo.setInt(COSName.SUPPLEMENT, 4);
        COSDictionary cidFont = new COSDictionary();
        cidFont.setItem(COSName.TYPE, COSName.FONT);
        cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
        cidFont.setName(COSName.BASE_FONT, "STSong-Light");
        cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
        cidFont.setItem(COSName.FONT_DESC, descriptor);
        cidFont.setInt(COSName.DW, 1000);
        cidFont.setItem(COSName.W, array(1, 95, 500));
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE0);
        font.setName(COSName.BASE_FONT, "STSong-Light-UniGB-UCS2-H");
        font.setName(COSName.ENCODING, "UniGB-UCS2-H");
        COSArray descendants = new COSArray();
        descendants.add(cidFont);
        font.setItem(COSName.DESCENDANT_FONTS, descendants);
        try {
            return new StandardChineseFont(font);
        } catch (IOException e) {
            // The CMap is a resource of PDFBox's fontbox jar: missing means a broken classpath.
            throw new IllegalStateException("UniGB-UCS2-H CMap not found", e);
        }
    }

    @Override
    protected byte[] encode(int codePoint) {
        int c = codePoint > 0xFFFF ? 0x3013 : codePoint; // 〓, the customary mark for a missing character
        return new byte[] {(byte) (c >> 8), (byte) c};
    }

    @Override
    public boolean hasGlyph(int code) {
        return true;
    }

    private static COSArray array(int... values) {
        COSArray array = new COSArray();
        for (int v : values) {
            array.add(COSInteger.get(v));
        }
        return array;
    }
}
