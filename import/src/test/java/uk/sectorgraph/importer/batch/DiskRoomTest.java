package uk.sectorgraph.importer.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskRoomTest {

  @TempDir
  Path dir;

  @Test
  void readsTheThresholdAsTheServerDoes() {
    assertThat(DiskRoom.parse("10MB")).isEqualTo(10L << 20);
    assertThat(DiskRoom.parse("2gb")).isEqualTo(2L << 30);
    assertThat(DiskRoom.parse("512")).isEqualTo(512);
    assertThatThrownBy(() -> DiskRoom.parse("lots")).isInstanceOf(ImportRefusedException.class)
        .hasMessageContaining(DiskRoom.MIN_FREE_DISK).hasMessageContaining("'lots'");
    assertThatThrownBy(() -> DiskRoom.fromEnvironment(dir, Map.of(DiskRoom.MIN_FREE_DISK, "10 parsecs")))
        .hasMessageContaining(DiskRoom.MIN_FREE_DISK);
  }

  @Test
  void stopsOnlyBelowTheThresholdAndSaysWhereAndHowToGoOn() {
    assertThatCode(() -> DiskRoom.fromEnvironment(dir, Map.of()).check("")).doesNotThrowAnyException();
    assertThatThrownBy(() -> new DiskRoom(dir, Long.MAX_VALUE).check("Run it again."))
        .isInstanceOf(ImportRefusedException.class)
        .hasMessageContaining(dir.toAbsolutePath().toString()).hasMessageContaining("MB free")
        .hasMessageContaining(DiskRoom.MIN_FREE_DISK).hasMessageContaining("Run it again.");
  }
}
