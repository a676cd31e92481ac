package cn.cm135.imports;

import java.util.Map;
import java.util.Set;

/** Resolves licence numbers and spec codes of a row, reporting unknown ones as bad values. */
final class KnownReferences {

    private KnownReferences() {
    }

    static Long customer(CsvRow row, Column licenceColumn, Map<String, Long> customerIdsByLicence) {
        String licence = row.read(licenceColumn);
        if (licence == null) {
            return null;
        }
        Long id = customerIdsByLicence.get(licence);
        if (id == null) {
            row.reject(licenceColumn, "许可证号「" + licence + "」不存在，请先导入零售户 (unknown licence)");
        }
        return id;
    }

    static String spec(CsvRow row, Column specColumn, Set<String> specCodes) {
        String spec = row.read(specColumn);
        if (spec != null && !specCodes.contains(spec)) {
            row.reject(specColumn, "规格编码「" + spec + "」不存在，请先导入卷烟规格 (unknown spec)");
            return null;
        }
        return spec;
    }
}
