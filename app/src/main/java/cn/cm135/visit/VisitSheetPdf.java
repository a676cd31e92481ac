package cn.cm135.visit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The printable 日拜访记录表 as PDF: the same HTML page laid out by openhtmltopdf (CSS paged media: A4, the
 * table header repeated on every page), parsed by jsoup into the W3C DOM the renderer takes (Thymeleaf's
 * HTML need not be XML). The 中文 text uses {@link StandardChineseFont}, so no font file is needed.
 */
@Component
class VisitSheetPdf {

    byte[] render(String html, String baseUri) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(new PDFontSupplier(StandardChineseFont.create()), StandardChineseFont.FAMILY);
        builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html, baseUri)), baseUri);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
