package cn.cm135.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.cm135.web.ApiError;

/**
 * {@code POST /api/imports/{kind}} with a multipart part {@code file} and optional {@code encoding}
 * (auto | UTF-8 | GBK): 200 with the report when imported, 422 with the report's errors when nothing
 * was imported. Who may call it is decided by the security configuration.
 */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "数据导入", description = "以 CSV 文件导入组织架构、零售户、卷烟规格、订单明细、市场采集和客户经理目标："
        + "只有营销中心和系统管理员可以使用。")
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @Operation(summary = "导入 CSV 文件", description = "逐行校验上传的 CSV 文件，全部导入或全部不导入（再次导入同一文件不改变数据）："
            + "导入成功返回 200 和导入报告，未导入任何数据时返回 422 和报告中的错误；未知的导入类型返回 404，"
            + "不支持的编码返回 400。只有营销中心和系统管理员可以导入。")
    @ApiResponse(responseCode = "200", description = "已导入：读取、新增、更新的行数",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @ApiResponse(responseCode = "422", description = "未导入任何数据：每个错误的行号、列名和原因",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importFile(
            @Parameter(description = "导入类型：organization（组织架构）、customers（零售户）、specs（卷烟规格）、"
                    + "orders（订单明细）、observations（市场采集）、targets（客户经理目标）", example = "orders")
            @PathVariable String kind,
            @Parameter(description = "CSV 文件（中文或英文表头）") @RequestParam("file") MultipartFile file,
            @Parameter(description = "文件编码：auto（自动识别）、UTF-8 或 GBK", example = "auto")
            @RequestParam(name = "encoding", defaultValue = "auto") String encoding) throws IOException {
        Optional<ImportKind> importKind = ImportKind.fromPathName(kind);
        if (importKind.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError(404, "kind",
                    "未知的导入类型「" + kind + "」，可选：" + String.join("、", Arrays.stream(ImportKind.values())
                            .map(ImportKind::pathName).toList()) + " (unknown kind)"));
        }
        Optional<EncodingChoice> encodingChoice = EncodingChoice.fromParameter(encoding);
        if (encodingChoice.isEmpty()) {
            return ResponseEntity.badRequest().body(new ApiError(400, "encoding",
                    "不支持的编码「" + encoding + "」，可选：auto、UTF-8、GBK (unsupported encoding)"));
        }
        ImportReport report;
        try (InputStream in = file.getInputStream()) {
            report = imports.importCsv(importKind.get(), file.getOriginalFilename(), in, encodingChoice.get());
        }
        return ResponseEntity.status(report.imported() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(report);
    }
}
