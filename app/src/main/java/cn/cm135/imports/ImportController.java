package cn.cm135.imports;

import java.io.IOException;
import java.io.InputStream;
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

import cn.cm135.web.ApiError;

/**
 * {@code POST /api/imports/{kind}} with a multipart part {@code file} and optional {@code encoding}
 * (auto | UTF-8 | GBK): 200 with the report when imported, 422 with the report's errors when nothing
 * was imported. Who may call it is decided by the security configuration.
 */
@RestController
@RequestMapping("/api/imports")
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importFile(@PathVariable String kind, @RequestParam("file") MultipartFile file,
            @RequestParam(name = "encoding", defaultValue = "auto") String encoding) throws IOException {
        Optional<ImportKind> importKind = ImportKind.fromPathName(kind);
        if (importKind.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError(404, "kind",
                    "未知的导入类型「" + kind + "」，可选：organization、customers、specs、orders、observations (unknown kind)"));
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
