package cn.cm135.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Cell parsers, encoding detection and line numbering, without Spring. */
class ImportParsingTests {

    @Test
    void datesAcceptIsoSlashedAndCompactFormsOnly() {
        assertThat(Cells.date("2025-01-06")).isEqualTo(LocalDate.of(2025, 1, 6));
        assertThat(Cells.date("2025/1/6")).isEqualTo(LocalDate.of(2025, 1, 6));
        assertThat(Cells.date("20250106")).isEqualTo(LocalDate.of(2025, 1, 6));
        for (String bad : List.of("2025-1-6", "06/01/2025", "2025.01.06", "2025-02-29", "2025年1月6日")) {
            assertThatThrownBy(() -> Cells.date(bad)).as(bad).isInstanceOf(BadValueException.class);
        }
    }

    @Test
    void numbersArePlainDecimalsWithSignRules() {
        assertThat(Cells.moneyAtLeastZero().apply("0")).isEqualByComparingTo("0");
        assertThat(Cells.moneyAboveZero().apply("95.4")).isEqualTo(new BigDecimal("95.40"));
        assertThatThrownBy(() -> Cells.moneyAboveZero().apply("0")).hasMessageContaining("大于 0");
        assertThatThrownBy(() -> Cells.moneyAtLeastZero().apply("-1")).hasMessageContaining("负数");
        assertThatThrownBy(() -> Cells.money("1,200")).hasMessageContaining("数字");
        assertThatThrownBy(() -> Cells.money("1.005")).hasMessageContaining("两位小数");
        assertThat(Cells.integerBetween(1, Integer.MAX_VALUE).apply("12")).isEqualTo(12);
        assertThatThrownBy(() -> Cells.integerBetween(1, Integer.MAX_VALUE).apply("0")).hasMessageContaining("不能小于 1");
        assertThatThrownBy(() -> Cells.integerBetween(1, 30).apply("2.5")).hasMessageContaining("整数");
    }

    @Test
    void chineseAndEnglishWordsMapToStoredValues() {
        assertThat(Cells.weekday("周日")).isEqualTo(7);
        assertThat(Cells.weekday("3")).isEqualTo(3);
        assertThat(Cells.priceClass("三类")).isEqualTo(3);
        assertThat(Cells.status("注销")).isEqualTo("CLOSED");
        assertThat(Cells.status("suspended")).isEqualTo("SUSPENDED");
        assertThat(Cells.yesNo("是")).isTrue();
        assertThat(Cells.yesNo("FALSE")).isFalse();
        assertThatThrownBy(() -> Cells.yesNo("Y")).isInstanceOf(BadValueException.class);
        assertThatThrownBy(() -> Cells.oneOf(Cells.BUSINESS_FORMATS).apply("餐馆")).hasMessageContaining("食杂店、便利店");
    }

    @Test
    void priceClassFollowsTheConfiguredThresholds() {
        PriceClassThresholds thresholds = new PriceClassThresholds(new BigDecimal("263"), new BigDecimal("158"),
                new BigDecimal("113"), new BigDecimal("60"));
        assertThat(thresholds.classOf(new BigDecimal("263"))).isEqualTo(1);
        assertThat(thresholds.classOf(new BigDecimal("262.99"))).isEqualTo(2);
        assertThat(thresholds.classOf(new BigDecimal("113"))).isEqualTo(3);
        assertThat(thresholds.classOf(new BigDecimal("60"))).isEqualTo(4);
        assertThat(thresholds.classOf(new BigDecimal("59.99"))).isEqualTo(5);
    }

    @Test
    void autoDetectionTellsUtf8WithAndWithoutBomFromGbk() throws IOException {
        String text = "名称\n向阳食杂店\n";
        assertThat(open(text.getBytes(StandardCharsets.UTF_8), EncodingChoice.AUTO).charsetName()).isEqualTo("UTF-8");
        assertThat(open(Samples.utf8WithBom(text), EncodingChoice.AUTO).charsetName()).isEqualTo("UTF-8");
        assertThat(open(Samples.gbk(text), EncodingChoice.AUTO).charsetName()).isEqualTo("GBK");
        assertThat(readAll(open(Samples.gbk(text), EncodingChoice.AUTO))).isEqualTo(text);
        assertThat(readAll(open(Samples.utf8WithBom(text), EncodingChoice.AUTO))).isEqualTo(text);
    }

    @Test
    void lineNumbersArePhysicalLinesDespiteBlankLinesQuotedBreaksAndCrLf() throws IOException {
        String csv = "\uFEFF 名称 ,extra\r\n甲,x\r\n\r\n\"乙\r\n续\",y\r\n丙,z";
        ImportErrors errors = new ImportErrors(10);
        Column name = Column.required("名称", "name");
        List<Long> lines = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (CsvRows rows = CsvRows.open(open(csv.getBytes(StandardCharsets.UTF_8), EncodingChoice.AUTO).reader(),
                List.of(name), errors)) {
            for (CsvRow row = rows.next(); row != null; row = rows.next()) {
                lines.add(row.line());
                values.add(row.read(name));
            }
        }
        assertThat(errors.any()).isFalse();
        assertThat(lines).containsExactly(2L, 4L, 6L);
        assertThat(values).containsExactly("甲", "乙\r\n续", "丙");
    }

    @Test
    void malformedUtf8AfterTheSniffedHeadIsReportedOnItsLine() {
        StringBuilder text = new StringBuilder("名称\n");
        for (int i = 0; i < 10_000; i++) {
            text.append("零售户").append(i).append('\n');
        }
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] gbkTail = Samples.gbk("向阳\n");
        byte[] bytes = new byte[utf8.length + gbkTail.length];
        System.arraycopy(utf8, 0, bytes, 0, utf8.length);
        System.arraycopy(gbkTail, 0, bytes, utf8.length, gbkTail.length);

        assertThatThrownBy(() -> readAll(open(bytes, EncodingChoice.AUTO)))
                .isInstanceOf(FileEncodingException.class)
                .hasMessageStartingWith("第 10002 行：文件不是有效的 UTF-8 编码，请另存为 UTF-8 或选择 GBK");
    }

    private static DecodedInput open(byte[] bytes, EncodingChoice choice) throws IOException {
        return DecodedInput.open(new ByteArrayInputStream(bytes), choice);
    }

    private static String readAll(DecodedInput input) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[100];
        for (int n = input.reader().read(buffer); n >= 0; n = input.reader().read(buffer)) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }
}
