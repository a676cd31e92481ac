package cn.cm135.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ImportControllerTests {

    @Autowired
    ImportService imports;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.standaloneSetup(new ImportController(imports)).build();
    }

    @Test
    void importedFileAnswers200WithTheReport() throws Exception {
        Samples samples = Samples.fresh();
        MockMultipartFile file = new MockMultipartFile("file", "specs.csv", "text/csv",
                Samples.utf8WithBom(samples.text(ImportKind.SPECS)));
        double rowsBefore = importedRows("imported");
        long importsBefore = imports("imported");

        mvc.perform(multipart("/api/imports/specs").file(file))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(true))
                .andExpect(jsonPath("$.rowsRead").value(5))
                .andExpect(jsonPath("$.tables[0].table").value("cigarette_spec"))
                .andExpect(jsonPath("$.tables[0].inserted").value(5));
        assertThat(importedRows("imported") - rowsBefore).as("cm135.import.rows of specs").isEqualTo(5.0);
        assertThat(imports("imported") - importsBefore).as("cm135.import.duration of specs, count").isEqualTo(1);
    }

    private double importedRows(String outcome) {
        io.micrometer.core.instrument.Counter rows = meters.find("cm135.import.rows").tags("kind", "specs", "outcome", outcome)
                .counter();
        return rows == null ? 0 : rows.count();
    }

    private long imports(String outcome) {
        io.micrometer.core.instrument.Timer timer = meters.find("cm135.import.duration")
                .tags("kind", "specs", "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void rejectedFileAnswers422WithLineColumnAndReason() throws Exception {
        Samples samples = Samples.fresh();
        String specs = samples.text(ImportKind.SPECS).replace("39.00,50.00", "39.00,-50.00");
        MockMultipartFile file = new MockMultipartFile("file", "specs.csv", "text/csv", Samples.gbk(specs));
        long rejectedBefore = imports("rejected");

        mvc.perform(multipart("/api/imports/specs").file(file).param("encoding", "GBK"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.imported").value(false))
                .andExpect(jsonPath("$.encoding").value("GBK"))
                .andExpect(jsonPath("$.errorCount").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(6))
                .andExpect(jsonPath("$.errors[0].column").value("建议零售价"))
                .andExpect(jsonPath("$.errors[0].message").value("必须大于 0：「-50.00」(must be positive)"));
        assertThat(imports("rejected") - rejectedBefore).as("a rejected import is counted as rejected").isEqualTo(1);
    }

    @Test
    void unknownKindIs404AndUnknownEncodingIs400() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "x.csv", "text/csv", new byte[] {'a'});

        mvc.perform(multipart("/api/imports/invoices").file(file)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("kind"));
        mvc.perform(multipart("/api/imports/orders").file(file).param("encoding", "latin1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("encoding"));
    }

    @Test
    void adminImportsTheOrganisationOverHttpAndGetsInitialPasswords() {
        Samples samples = Samples.fresh();
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(Samples.utf8WithBom(samples.text(ImportKind.ORGANIZATION))) {
            @Override
            public String getFilename() {
                return "organization.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<Map> response = rest.withBasicAuth("admin", "admin")
                .postForEntity("/api/imports/organization", new HttpEntity<>(body, headers), Map.class);
        ResponseEntity<Map> anonymous = rest.postForEntity("/api/imports/organization", new HttpEntity<>(body, headers),
                Map.class);

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        // The sync also creates users for staff of other test classes that had none; count this file's.
        assertThat(((Map<String, ?>) response.getBody().get("initialPasswords")).keySet())
                .filteredOn(user -> user.startsWith("IMP")).hasSize(3);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
