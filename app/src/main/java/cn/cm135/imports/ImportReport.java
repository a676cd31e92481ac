package cn.cm135.imports;

import java.util.List;
import java.util.Map;

/**
 * The answer to an import, as JSON for the REST client and as text for the command line.
 *
 * @param imported         true when the file was written; false when nothing was written
 * @param message          a one-line 中文 summary for the manager
 * @param rowsRead         data rows in the file (blank lines not counted)
 * @param tables           per table written: inserted, updated, unchanged
 * @param errorCount       all bad rows and values found; {@code errors} holds the first ones only
 * @param initialPasswords user id → initial password of Camunda users the organisation import
 *                         created; to be handed out, the users must change them at first login
 */
record ImportReport(String kind, String file, String encoding, boolean imported, String message, long rowsRead,
        List<TableCount> tables, long errorCount, List<ImportError> errors, Map<String, String> initialPasswords) {

    static ImportReport imported(ImportKind kind, String file, String encoding, long rowsRead, List<TableCount> tables,
            Map<String, String> initialPasswords) {
        long inserted = tables.stream().mapToLong(TableCount::inserted).sum();
        long updated = tables.stream().mapToLong(TableCount::updated).sum();
        String message = "导入成功：读取 " + rowsRead + " 行，新增 " + inserted + " 条，更新 " + updated + " 条"
                + (initialPasswords.isEmpty() ? "" : "，新建用户 " + initialPasswords.size() + " 个（请将初始密码转交本人，首次登录后修改）");
        return new ImportReport(kind.pathName(), file, encoding, true, message, rowsRead, tables, 0, List.of(),
                Map.copyOf(initialPasswords));
    }

    static ImportReport rejected(ImportKind kind, String file, String encoding, long rowsRead, ImportErrors errors) {
        String message = "导入失败：发现 " + errors.total() + " 处错误，未导入任何数据，请修改后重新导入"
                + (errors.total() > errors.kept().size() ? "（仅列出前 " + errors.kept().size() + " 处）" : "");
        return new ImportReport(kind.pathName(), file, encoding, false, message, rowsRead, List.of(), errors.total(),
                errors.kept(), Map.of());
    }

    /** The same report, the file read as {@code encoding} ("xlsx" for an Excel workbook). */
    ImportReport withEncoding(String encoding) {
        return new ImportReport(kind, file, encoding, imported, message, rowsRead, tables, errorCount, errors,
                initialPasswords);
    }

    /** Plain text for the console: summary, tables, passwords or errors. */
    String toText() {
        StringBuilder text = new StringBuilder();
        text.append(message).append('\n');
        text.append("类型 (kind): ").append(kind).append("，文件 (file): ").append(file)
                .append("，编码 (encoding): ").append(encoding).append('\n');
        for (TableCount table : tables) {
            text.append(String.format("  %-18s 写入 %d，新增 %d，更新 %d，未变 %d%n", table.table(), table.written(),
                    table.inserted(), table.updated(), table.unchanged()));
        }
        if (!initialPasswords.isEmpty()) {
            text.append("新用户初始密码（首次登录后必须修改）(initial passwords):\n");
            initialPasswords.forEach((user, password) -> text.append("  ").append(user).append('\t').append(password).append('\n'));
        }
        for (ImportError error : errors) {
            text.append("  第 ").append(error.line()).append(" 行");
            if (error.column() != null) {
                text.append("，列「").append(error.column()).append("」");
            }
            text.append("：").append(error.message()).append('\n');
        }
        return text.toString();
    }
}
