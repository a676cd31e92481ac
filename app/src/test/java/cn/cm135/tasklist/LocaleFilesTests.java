package cn.cm135.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the Simplified Chinese webapp translations against the English originals shipped in the
 * Camunda webjar. Both live under the same classpath folder: en.json only in the webjar, zh.json
 * only in this project. config.js and user-styles.css exist in both, so those are read from this
 * project's copy (the one that is not inside a jar).
 */
class LocaleFilesTests {

  private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*\\}\\}");
  private static final Pattern HTML_TAG = Pattern.compile("<(a|/a|br/?)\\b[^>]*>");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void zhHasExactlyTheKeysOfEnWithNonEmptyValues(String app) throws IOException {
    Map<String, JsonNode> en = leaves(readJson(APP_ROOT + app + "/locales/en.json"));
    Map<String, JsonNode> zh = leaves(readJson(APP_ROOT + app + "/locales/zh.json"));

    assertThat(en).as("en.json of %s", app).isNotEmpty();
    TreeSet<String> missing = new TreeSet<>(en.keySet());
    missing.removeAll(zh.keySet());
    TreeSet<String> extra = new TreeSet<>(zh.keySet());
    extra.removeAll(en.keySet());
    assertThat(missing).as("keys of %s/en.json missing in zh.json", app).isEmpty();
    assertThat(extra).as("keys of %s/zh.json absent from en.json", app).isEmpty();

    for (Map.Entry<String, JsonNode> e : zh.entrySet()) {
      JsonNode value = e.getValue();
      assertThat(value.isNull()).as("%s: %s is null", app, e.getKey()).isFalse();
      // Cockpit appends a lone "s" to make English plurals ("instance" + "s"); Chinese has none.
      if (!"s".equals(en.get(e.getKey()).asText())) {
        assertThat(value.asText()).as("%s: %s is empty", app, e.getKey()).isNotBlank();
      }
      assertThat(value.getNodeType())
          .as("%s: %s has another JSON type than in en.json", app, e.getKey())
          .isEqualTo(en.get(e.getKey()).getNodeType());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void zhKeepsPlaceholdersAndHtml(String app) throws IOException {
    Map<String, JsonNode> en = leaves(readJson(APP_ROOT + app + "/locales/en.json"));
    Map<String, JsonNode> zh = leaves(readJson(APP_ROOT + app + "/locales/zh.json"));
    for (Map.Entry<String, JsonNode> e : en.entrySet()) {
      JsonNode translated = zh.get(e.getKey());
      if (!e.getValue().isTextual() || translated == null) {
        continue;
      }
      String original = e.getValue().asText();
      String text = translated.asText();
      assertThat(sorted(PLACEHOLDER, text))
          .as("%s: placeholders of %s", app, e.getKey())
          .isEqualTo(sorted(PLACEHOLDER, original));
      assertThat(sorted(HTML_TAG, text))
          .as("%s: HTML of %s", app, e.getKey())
          .isEqualTo(sorted(HTML_TAG, original));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void configOffersOnlyZh(String app) throws IOException {
    String config = stripLineComments(readProjectResource(APP_ROOT + app + "/scripts/config.js"));

    Matcher available =
        Pattern.compile("availableLocales['\"]?\\s*:\\s*\\[([^\\]]*)\\]").matcher(config);
    assertThat(available.find()).as("%s config.js sets locales.availableLocales", app).isTrue();
    List<String> locales = new ArrayList<>();
    for (String s : available.group(1).split(",")) {
      locales.add(s.trim().replaceAll("^['\"]|['\"]$", ""));
    }
    assertThat(locales).as("%s availableLocales", app).containsExactly("zh");

    Matcher fallback =
        Pattern.compile("fallbackLocale['\"]?\\s*:\\s*['\"](\\w+)['\"]").matcher(config);
    assertThat(fallback.find()).as("%s config.js sets locales.fallbackLocale", app).isTrue();
    assertThat(fallback.group(1)).isEqualTo("zh");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void userStylesHideTheEndOfLifeBanner(String app) throws IOException {
    String css = readProjectResource(APP_ROOT + app + "/styles/user-styles.css")
        .replaceAll("(?s)/\\*.*?\\*/", "");
    assertThat(css)
        .as("%s user-styles.css hides .ce-eol-banner", app)
        .containsPattern("\\.ce-eol-banner\\s*\\{[^}]*display\\s*:\\s*none");
  }

  private static JsonNode readJson(String path) throws IOException {
    URL url = LocaleFilesTests.class.getClassLoader().getResource(path);
    assertThat(url).as("classpath resource %s", path).isNotNull();
    try (InputStream in = url.openStream()) {
      // Jackson skips the UTF-8 BOM that Camunda's en.json files start with.
      return MAPPER.readTree(in);
    }
  }

  /** Reads the copy of a resource that is not packed in a jar, i.e. this project's own file. */
  private static String readProjectResource(String path) throws IOException {
    List<URL> urls = Collections.list(LocaleFilesTests.class.getClassLoader().getResources(path));
    URL own = urls.stream()
        .filter(u -> !"jar".equals(u.getProtocol()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no project copy of " + path + " in " + urls));
    try (InputStream in = own.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Flattens a JSON tree to leaf paths such as {@code labels.TASK} or {@code dateLocales.months[0]}. */
  private static Map<String, JsonNode> leaves(JsonNode root) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    collect("", root, out);
    return out;
  }

  private static void collect(String path, JsonNode node, Map<String, JsonNode> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(
          e -> collect(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(path + "[" + i + "]", node.get(i), out);
      }
    } else {
      out.put(path, node);
    }
  }

  private static List<String> sorted(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group().replace(" ", ""));
    }
    Collections.sort(found);
    return found;
  }

  private static String stripLineComments(String js) {
    return js.replaceAll("(?m)^\\s*//.*$", "");
  }
}
