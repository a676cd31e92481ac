package cn.cm135.resilience;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A CSV of order lines (订单明细) for the customers and specs already in the database, big enough that its import
 * runs for seconds and can be killed half-way. Order numbers start with {@link #PREFIX}, so its rows are found.
 */
record OrdersFile(Path path, long lines, BigDecimal quantity, BigDecimal amount) {

    static final String PREFIX = "CRASH";
    private static final int SPECS_PER_ORDER = 5;

    /** {@code orders} orders of {@link #SPECS_PER_ORDER} lines each, all on {@code day}. */
    static OrdersFile write(Path path, Db db, int orders, LocalDate day) {
        List<String> licences = db.strings("select licence_no from retail_customer where status = 'ACTIVE' "
                + "order by licence_no");
        List<String> specs = db.strings("select code from cigarette_spec order by code");
        long quantity = 0;
        BigDecimal amount = BigDecimal.ZERO;
        long lines = 0;
        try {
            Files.createDirectories(path.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                out.write("订单号,许可证号,规格编码,订货日期,数量,金额\n");
                for (int order = 0; order < orders; order++) {
                    String orderNo = String.format("%s%08d", PREFIX, order);
                    String licence = licences.get(order % licences.size());
                    for (int s = 0; s < SPECS_PER_ORDER; s++) {
                        String spec = specs.get((order * 7 + s) % specs.size());
                        int cartons = 1 + (order + s) % 9;
                        BigDecimal value = BigDecimal.valueOf(cartons * 120L + s, 0).setScale(2);
                        out.write(orderNo + "," + licence + "," + spec + "," + day + "," + cartons + "," + value + "\n");
                        quantity += cartons;
                        amount = amount.add(value);
                        lines++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OrdersFile(path, lines, BigDecimal.valueOf(quantity), amount.stripTrailingZeros());
    }
}
