package io.eddy.engine.internal.checkpoint;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The checkpoints of one standing query: {@code <data>/checkpoints/<query>/<id, 20 digits>/}, each
 * holding {@code state} (operator, view and reader state) and {@code manifest}, a text file of
 * {@code key=value} lines:
 *
 * <pre>
 *   version=1  id=N  time=millis  fingerprint=&lt;sha-256 of the query's DDL and plan&gt;
 *   source.&lt;i&gt;=&lt;offset of partition 0&gt;,&lt;offset of partition 1&gt;,...   (one line per source)
 *   sink=&lt;end offset per partition&gt;    (empty for a view)
 *   sink.pending=&lt;partition&gt;,&lt;offset&gt;  (a record of the Kafka transaction the checkpoint commits; may be empty)
 *   state.bytes=N  state.crc32c=hex
 *   crc32c=hex                              (of every line before it)
 * </pre>
 *
 * Writing: the state file is written and forced, then the manifest is written to a temporary
 * file, forced, renamed into place and the directory forced. The manifest is written LAST, so a
 * checkpoint without a manifest whose checksums verify is incomplete and ignored (the previous
 * one is used). After each new checkpoint only the newest {@value #KEEP} complete ones are kept.
 * Not thread-safe: used by the query's own thread (and at start-up, before it runs).
 */
public final class CheckpointFiles {
  private static final System.Logger LOG = System.getLogger(CheckpointFiles.class.getName());
  /** Complete checkpoints kept. */
  public static final int KEEP = 2;
  static final String MANIFEST = "manifest";
  static final String STATE = "state";

  private final Path dir;
  private final String fingerprint;
  /** Test hook: milliseconds to pause after the state file, before the manifest. */
  private final long pauseBeforeManifest;

  /**
   * @param dir the query's directory ({@code <data>/checkpoints/<query>})
   * @param fingerprint what must match for a checkpoint to be restored (the query's DDL and plan)
   */
  public CheckpointFiles(Path dir, String fingerprint, long pauseBeforeManifestMillis) {
    this.dir = dir;
    this.fingerprint = sha256(fingerprint);
    this.pauseBeforeManifest = pauseBeforeManifestMillis;
  }

  /** The checkpoint directory of query {@code key} under {@code dataDir}. */
  public static Path dirOf(Path dataDir, String key) {
    return dataDir.resolve("checkpoints").resolve(key);
  }

  /** Writes checkpoint {@code c} atomically (see the class comment) and prunes older ones. */
  public void write(Checkpoint c) {
    Path target = dir.resolve(String.format("%020d", c.id()));
    try {
      Files.createDirectories(target);
      writeForced(target.resolve(STATE), c.state());
      if (pauseBeforeManifest > 0) {
        Thread.sleep(pauseBeforeManifest);
      }
      Path tmp = target.resolve(MANIFEST + ".tmp");
      writeForced(tmp, manifest(c).getBytes(StandardCharsets.UTF_8));
      Files.move(tmp, target.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(target);
      forceDirectory(dir);
    } catch (IOException e) {
      throw new EddyException(ErrorCode.STORAGE, "cannot write checkpoint " + target + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EddyException(ErrorCode.CANCELLED, "interrupted while writing checkpoint " + target);
    }
    prune();
  }

  /**
   * The complete checkpoints whose fingerprint matches, newest first. Directories without a valid
   * manifest or state (a crash while writing, corruption) are skipped and logged.
   */
  public List<Checkpoint> loadAll() {
    List<Checkpoint> out = new ArrayList<>();
    for (Path d : directories()) {
      try {
        Checkpoint c = read(d);
        if (c != null) {
          out.add(c);
        }
      } catch (IOException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, () -> "ignoring checkpoint " + d + ": " + e.getMessage());
      }
    }
    return out;
  }

  /** The id for the next checkpoint: above every directory present, complete or not. */
  public long nextId() {
    List<Path> dirs = directories();
    return dirs.isEmpty() ? 1 : id(dirs.get(0)) + 1;
  }

  /**
   * Deletes checkpoint {@code id}: one that can never become current (its Kafka transaction was
   * aborted), so that pruning never keeps it in place of an older, usable one.
   */
  public void delete(long id) {
    deleteAll(dir.resolve(String.format("%020d", id)));
  }

  /** Deletes every checkpoint of the query (DROP, or a new definition under the same name). */
  public static void deleteAll(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new EddyException(ErrorCode.STORAGE, "cannot delete checkpoints " + dir + ": " + e, e);
    }
  }

  /**
   * Keeps the newest {@link #KEEP} complete checkpoints; deletes older ones and incomplete ones
   * (left by a crash while writing: the checkpoint just written is newer).
   */
  private void prune() {
    int complete = 0;
    for (Path d : directories()) {
      if (complete >= KEEP || !Files.exists(d.resolve(MANIFEST))) {
        deleteAll(d);
      } else {
        complete++;
      }
    }
  }

  private Checkpoint read(Path d) throws IOException {
    Map<String, String> m = parse(d);
    if (!fingerprint.equals(m.get("fingerprint"))) {
      LOG.log(System.Logger.Level.INFO, () -> "checkpoint " + d + " is of another definition of the query; ignored");
      return null;
    }
    byte[] state = Files.readAllBytes(d.resolve(STATE));
    if (state.length != Long.parseLong(m.get("state.bytes")) || !crc(state).equals(m.get("state.crc32c"))) {
      throw new IOException("state file does not match its manifest");
    }
    List<long[]> sources = new ArrayList<>();
    for (int i = 0; m.containsKey("source." + i); i++) {
      sources.add(offsets(m.get("source." + i)));
    }
    return new Checkpoint(Long.parseLong(m.get("id")), Long.parseLong(m.get("time")), sources.toArray(long[][]::new),
        offsets(m.get("sink")), offsets(m.get("sink.pending")), state);
  }

  private static Map<String, String> parse(Path d) throws IOException {
    String text;
    try {
      text = Files.readString(d.resolve(MANIFEST), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IOException("no manifest (incomplete)");
    }
    int last = text.lastIndexOf("crc32c=");
    if (last < 0 || !text.substring(last + 7).strip().equals(crc(text.substring(0, last).getBytes(StandardCharsets.UTF_8)))) {
      throw new IOException("manifest checksum does not match");
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : text.substring(0, last).split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        m.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    if (!"1".equals(m.get("version"))) {
      throw new IOException("unknown manifest version " + m.get("version"));
    }
    return m;
  }

  private String manifest(Checkpoint c) {
    StringBuilder sb = new StringBuilder();
    sb.append("version=1\n").append("id=").append(c.id()).append('\n').append("time=").append(c.timeMillis())
        .append('\n').append("fingerprint=").append(fingerprint).append('\n');
    for (int i = 0; i < c.sources().length; i++) {
      sb.append("source.").append(i).append('=').append(join(c.sources()[i])).append('\n');
    }
    sb.append("sink=").append(join(c.sink())).append('\n');
    sb.append("sink.pending=").append(join(c.pending())).append('\n');
    sb.append("state.bytes=").append(c.state().length).append('\n').append("state.crc32c=").append(crc(c.state()))
        .append('\n');
    String body = sb.toString();
    return body + "crc32c=" + crc(body.getBytes(StandardCharsets.UTF_8)) + "\n";
  }

  private static String join(long[] offsets) {
    return String.join(",", Arrays.stream(offsets).mapToObj(Long::toString).toList());
  }

  private static long[] offsets(String text) {
    if (text == null || text.isEmpty()) {
      return new long[0];
    }
    return Arrays.stream(text.split(",")).mapToLong(Long::parseLong).toArray();
  }

  /** Checkpoint directories, newest (highest id) first. */
  private List<Path> directories() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> id(p) >= 0).sorted(Comparator.comparingLong(CheckpointFiles::id).reversed()).toList();
    } catch (IOException e) {
      throw new EddyException(ErrorCode.STORAGE, "cannot list checkpoints in " + dir + ": " + e, e);
    }
  }

  private static long id(Path p) {
    String n = p.getFileName().toString();
    if (n.length() != 20 || !n.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(n);
  }

  private static void writeForced(Path p, byte[] bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
  }

  private static void forceDirectory(Path d) throws IOException {
    try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  private static String crc(byte[] b) {
    CRC32C c = new CRC32C();
    c.update(b);
    return Long.toHexString(c.getValue());
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
