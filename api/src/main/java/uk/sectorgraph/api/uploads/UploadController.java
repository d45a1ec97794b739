package uk.sectorgraph.api.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import jakarta.servlet.http.HttpServletRequest;
import uk.sectorgraph.api.SectorGraphProperties;
import uk.sectorgraph.api.store.DiskSpaceGuard;
import uk.sectorgraph.api.store.StorageFullException;
import uk.sectorgraph.importer.batch.BadFileException;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.batch.RejectsFile;
import uk.sectorgraph.importer.grants.GrantsImport;
import uk.sectorgraph.importer.supplylinks.SupplyLinksImport;
import uk.sectorgraph.store.GraphStore;

/**
 * Uploads of the small sources for people without a shell: the request body is the file. The same
 * importers as the command line run on it, so a bad row is reported (line and reason) and the rest
 * imports; a file of the wrong kind is refused whole with 400, and every file with 507 while the data
 * directory's disk is nearly full (see DiskSpaceGuard). Supplier links need EDITOR, grants ADMIN.
 */
@RestController
class UploadController {

  private static final long MAX_BYTES = 50L * 1024 * 1024;
  private final GraphStore store;
  private final Path rejectsDirectory;
  private final DiskSpaceGuard diskSpace;

  UploadController(GraphStore store, SectorGraphProperties properties, DiskSpaceGuard diskSpace) {
    this.store = store;
    this.rejectsDirectory = properties.dataDir().resolve("rejects");
    this.diskSpace = diskSpace;
  }

  @PostMapping(path = "/api/uploads/supply-links")
  ResponseEntity<Map<String, Object>> supplyLinks(HttpServletRequest request, Principal user) throws IOException {
    return run(request, "supply-links", (in, rejects) -> new SupplyLinksImport(store).run(in, "upload.csv",
        new SupplyLinksImport.Options("upload:" + user.getName(), LocalDate.now(), 1_000), rejects));
  }

  @PostMapping(path = "/api/uploads/grants")
  ResponseEntity<Map<String, Object>> grants(HttpServletRequest request, Principal user,
      @RequestParam(defaultValue = "json") String format) throws IOException {
    GrantsImport.Format parsed;
    try {
      parsed = GrantsImport.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return ResponseEntity.badRequest().body(Map.of("error", "format must be json or csv, was '" + format + "'"));
    }
    return run(request, "grants", (in, rejects) -> new GrantsImport(store).run(in, "upload." + format, parsed,
        new GrantsImport.Options("upload:" + user.getName(), LocalDate.now(), 1_000), rejects));
  }

  interface Upload {
    ImportSummary run(InputStream in, RejectsFile rejects) throws Exception;
  }

  private ResponseEntity<Map<String, Object>> run(HttpServletRequest request, String source, Upload upload) throws IOException {
    if (request.getContentLengthLong() > MAX_BYTES) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("error", "uploads are limited to 50 MB"));
    }
    try {
      diskSpace.checkRoomToWrite();
    } catch (StorageFullException e) {
      return ResponseEntity.status(HttpStatus.INSUFFICIENT_STORAGE).body(Map.of("error", e.getMessage()));
    }
    try (InputStream in = request.getInputStream(); RejectsFile rejects = RejectsFile.in(rejectsDirectory, source)) {
      ImportSummary summary;
      try {
        summary = upload.run(in, rejects);
      } catch (BadFileException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
      } catch (Exception e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of("error",
            "the upload could not be imported: " + e.getClass().getSimpleName()));
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("source", summary.source());
      body.put("read", summary.read());
      body.put("created", summary.created());
      body.put("updated", summary.updated());
      body.put("unchanged", summary.unchanged());
      body.put("rejected", summary.rejected());
      rejects.close();
      body.put("rejects", rejects.path().map(UploadController::firstLines).orElse(List.of()));
      return ResponseEntity.ok(body);
    }
  }

  private static List<String> firstLines(Path file) {
    try (var lines = Files.lines(file)) {
      return lines.limit(101).toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
