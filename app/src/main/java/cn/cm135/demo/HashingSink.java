package cn.cm135.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over every row in order: two runs produced the same data exactly when the hashes match. */
final class HashingSink implements DatasetSink {

    private final MessageDigest digest;
    private final StringBuilder line = new StringBuilder(256);

    HashingSink() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(Row row) {
        line.setLength(0);
        line.append(row.table().name());
        for (Object value : row.values()) {
            // toPlainString: 1.10 and 1.1 are different data to a database column with scale 2.
            line.append('|').append(value instanceof BigDecimal d ? d.toPlainString() : value);
        }
        line.append('\n');
        digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
    }

    String hash() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
