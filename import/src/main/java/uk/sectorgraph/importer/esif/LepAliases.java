package uk.sectorgraph.importer.esif;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The reviewed table {@code esif/lep_aliases.csv}: every free-text LEP spelling in the ESIF list →
 * 2020 LEP codes. A spelling not in the table is not guessed; the caller reports it.
 */
public final class LepAliases {

  /** What an alias means: some LEPs, or (empty codes, national) every area. */
  public record Area(List<String> lepCodes, boolean national) {}

  public static final String RESOURCE = "esif/lep_aliases.csv";
  private final Map<String, Area> byAlias;

  private LepAliases(Map<String, Area> byAlias) {
    this.byAlias = byAlias;
  }

  public static LepAliases load() {
    try (InputStream in = LepAliases.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LepAliases read(Reader reader) throws IOException {
    Map<String, List<String>> codes = new HashMap<>();
    for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      List<String> list = codes.computeIfAbsent(key(r.get("alias")), k -> new ArrayList<>());
      String code = r.get("lep_code_2020").strip();
      // Spellings that differ only in case share a key: each code counts once.
      if (!code.isEmpty() && !list.contains(code)) {
        list.add(code);
      }
    }
    Map<String, Area> areas = new HashMap<>();
    codes.forEach((alias, list) -> areas.put(alias, new Area(List.copyOf(list), list.isEmpty())));
    return new LepAliases(areas);
  }

  public Optional<Area> lookup(String spelling) {
    return Optional.ofNullable(byAlias.get(key(spelling)));
  }

  /** Case and spacing differences are not different spellings. */
  static String key(String s) {
    return EsifValues.clean(s).toLowerCase(Locale.ROOT);
  }
}
