package io.eddy.exec.batch;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The VARCHAR values of one {@link RowSlab} column as bytes in shared 1 MiB chunks, not a
 * {@code String} per slot: state holding millions of rows with text then gives the garbage
 * collector a few large arrays to keep, not millions of small objects to trace and copy (with
 * strings in state, each young collection copied every string added since the last one). A value
 * is stored as ISO-8859-1 bytes when every char fits in a byte, else as its UTF-16 chars, so any
 * {@code String} comes back exactly; one {@code long} per slot says where.
 *
 * <p>Chunks fill in order; freeing a value only counts its bytes out of its chunk, and a chunk
 * whose values are all freed is dropped (state freed in the order it came, as when windows close,
 * empties whole chunks). When the chunks hold more than twice the live bytes, the values of the
 * chunks that are less than half full move into new ones and those chunks are dropped. A value
 * longer than a quarter chunk gets a chunk of its own. Not thread-safe.
 */
final class TextColumn {
  static final int CHUNK = 1 << 20;
  private static final int OWN_CHUNK = CHUNK / 4;
  private static final int MIN_CHUNK = 1 << 12;
  // A slot's reference: VALID | flags | chunk (21 bits) | offset (20 bits) | length (20 bits); 0 for none.
  private static final long VALID = 1L << 63;
  private static final long UTF16 = 1L << 62;
  private static final long OWN = 1L << 61;
  private static final int CHUNK_SHIFT = 40;
  private static final int OFFSET_SHIFT = 20;
  private static final long FIELD = (1L << 20) - 1;
  private static final long CHUNK_FIELD = (1L << 21) - 1;

  private long[] refs;
  private byte[][] chunks = new byte[4][];
  /** Bytes of live values per chunk. */
  private int[] live = new int[4];
  /** Ids below this have been used; free ids (no chunk) are reused first. */
  private int chunkIds;
  private int[] freeIds = new int[4];
  private int freeCount;
  /** The chunk values are appended to, and where; -1 before the first. */
  private int current = -1;
  private int pos;
  /** An emptied chunk kept for the next one (saves allocating and zeroing 1 MiB). */
  private byte[] spare;
  private long liveBytes;
  private long heldBytes;
  /** After a compaction that found nothing to move, the held bytes below which none is tried again. */
  private long quietUntil;

  TextColumn(int capacity) {
    refs = new long[capacity];
  }

  void grow(int capacity) {
    refs = Arrays.copyOf(refs, capacity);
  }

  /** The bytes the chunks take. */
  long heldBytes() {
    return heldBytes;
  }

  void set(int slot, String s) {
    clear(slot);
    int n = s.length();
    long at = reserve(n);
    byte[] chunk = chunks[chunkOf(at)];
    int off = offsetOf(at);
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      if (ch > 0xFF) {
        if (isOwn(at)) {
          drop(chunkOf(at));
        } // else the n bytes reserved stay unused until their chunk goes
        setWide(slot, s);
        return;
      }
      chunk[off + i] = (byte) ch;
    }
    store(slot, at, 0, n);
  }

  private void setWide(int slot, String s) {
    int n = 2 * s.length();
    long at = reserve(n);
    byte[] chunk = chunks[chunkOf(at)];
    int off = offsetOf(at);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      chunk[off + 2 * i] = (byte) (ch >>> 8);
      chunk[off + 2 * i + 1] = (byte) ch;
    }
    store(slot, at, UTF16, n);
  }

  /** Points {@code slot} at the {@code n} bytes written at {@code at} (a chunk of its own keeps no length). */
  private void store(int slot, long at, long flags, int n) {
    refs[slot] = at | flags | (isOwn(at) ? 0 : n);
    live[chunkOf(at)] += n;
    liveBytes += n;
  }

  /** Room for {@code n} bytes: a reference without its length (VALID, chunk, offset; OWN for a chunk of its own). */
  private long reserve(int n) {
    if (n > OWN_CHUNK) {
      return VALID | OWN | (long) newChunk(new byte[n]) << CHUNK_SHIFT;
    }
    if (current < 0 || pos + n > chunks[current].length) {
      if (current >= 0 && live[current] == 0 && n <= chunks[current].length) {
        pos = 0; // the current chunk emptied meanwhile: start it over
      } else {
        current = newChunk(newSharedChunk(n));
        pos = 0;
      }
    }
    long at = VALID | (long) current << CHUNK_SHIFT | (long) pos << OFFSET_SHIFT;
    pos += n;
    return at;
  }

  /**
   * A chunk for values of up to {@code n} bytes: small ones while the column holds little (a
   * slab of a few rows does not take a mebibyte), {@link #CHUNK} bytes from then on.
   */
  private byte[] newSharedChunk(int n) {
    if (heldBytes >= CHUNK / 2) {
      byte[] c = spare != null ? spare : new byte[CHUNK];
      spare = null;
      return c;
    }
    return new byte[(int) Math.min(CHUNK, Math.max(MIN_CHUNK, Long.highestOneBit(Math.max(heldBytes, n)) << 1))];
  }

  private int newChunk(byte[] bytes) {
    int id = freeCount > 0 ? freeIds[--freeCount] : chunkIds++;
    if (id > CHUNK_FIELD) {
      throw new IllegalStateException("text state over " + CHUNK_FIELD + " chunks");
    }
    if (id >= chunks.length) {
      chunks = Arrays.copyOf(chunks, 2 * id);
      live = Arrays.copyOf(live, 2 * id);
    }
    chunks[id] = bytes;
    live[id] = 0;
    heldBytes += bytes.length;
    return id;
  }

  private static int chunkOf(long ref) {
    return (int) ((ref >>> CHUNK_SHIFT) & CHUNK_FIELD);
  }

  private static int offsetOf(long ref) {
    return (int) ((ref >>> OFFSET_SHIFT) & FIELD);
  }

  private static boolean isOwn(long ref) {
    return (ref & OWN) != 0;
  }

  private int lengthOf(long ref) {
    return isOwn(ref) ? chunks[chunkOf(ref)].length : (int) (ref & FIELD);
  }

  /** Frees the value at {@code slot}, if any. */
  void clear(int slot) {
    long ref = refs[slot];
    if (ref == 0) {
      return;
    }
    refs[slot] = 0;
    int chunk = chunkOf(ref);
    int n = lengthOf(ref);
    live[chunk] -= n;
    liveBytes -= n;
    if (live[chunk] == 0 && chunk != current) {
      drop(chunk);
    }
    if (heldBytes > 2 * liveBytes + 4L * CHUNK && heldBytes > quietUntil) {
      compact();
    }
  }

  private void drop(int chunk) {
    byte[] c = chunks[chunk];
    heldBytes -= c.length;
    if (c.length == CHUNK && spare == null) {
      spare = c;
    }
    chunks[chunk] = null;
    if (freeCount == freeIds.length) {
      freeIds = Arrays.copyOf(freeIds, 2 * freeCount);
    }
    freeIds[freeCount++] = chunk;
  }

  /** Moves the values of the shared chunks less than half full into new chunks and drops those. */
  private void compact() {
    BitSet sparse = new BitSet(chunkIds);
    for (int c = 0; c < chunkIds; c++) {
      if (chunks[c] != null && c != current && chunks[c].length <= CHUNK && live[c] < chunks[c].length / 2) {
        sparse.set(c);
      }
    }
    if (sparse.isEmpty()) {
      quietUntil = heldBytes + CHUNK;
      return;
    }
    if (current >= 0 && live[current] == 0) {
      drop(current);
    }
    current = -1; // new values, and the moved ones, go to fresh chunks
    for (int slot = 0; slot < refs.length; slot++) {
      long ref = refs[slot];
      if (ref != 0 && !isOwn(ref) && sparse.get(chunkOf(ref))) {
        int n = lengthOf(ref);
        long at = reserve(n);
        System.arraycopy(chunks[chunkOf(ref)], offsetOf(ref), chunks[chunkOf(at)], offsetOf(at), n);
        refs[slot] = at | (ref & UTF16) | n;
        live[chunkOf(at)] += n;
      }
    }
    for (int c = sparse.nextSetBit(0); c >= 0; c = sparse.nextSetBit(c + 1)) {
      drop(c);
    }
  }

  String get(int slot) {
    long ref = refs[slot];
    byte[] chunk = chunks[chunkOf(ref)];
    int off = offsetOf(ref);
    int n = lengthOf(ref);
    if ((ref & UTF16) == 0) {
      return new String(chunk, off, n, StandardCharsets.ISO_8859_1);
    }
    char[] chars = new char[n / 2];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) ((chunk[off + 2 * i] & 0xFF) << 8 | chunk[off + 2 * i + 1] & 0xFF);
    }
    return new String(chars);
  }

  /** Whether the value at {@code slot} is {@code s}. */
  boolean equals(int slot, String s) {
    long ref = refs[slot];
    byte[] chunk = chunks[chunkOf(ref)];
    int off = offsetOf(ref);
    int n = lengthOf(ref);
    if ((ref & UTF16) == 0) {
      if (n != s.length()) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if ((chunk[off + i] & 0xFF) != s.charAt(i)) {
          return false;
        }
      }
      return true;
    }
    if (n != 2 * s.length()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (((chunk[off + 2 * i] & 0xFF) << 8 | chunk[off + 2 * i + 1] & 0xFF) != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
