package io.eddy.bench.nexmark;

/**
 * The id arithmetic of the Nexmark model: event n is a person when {@code n % 50 < 1}, an auction
 * when {@code n % 50 < 4}, else a bid (1 : 3 : 46); person and auction ids are dense, so the last
 * id issued before event n is a function of n. Ids here are 0-based; the generator adds 1000.
 */
final class NexmarkIds {
  static final int PERSONS = 1;
  static final int AUCTIONS = 3;
  static final int BIDS = 46;
  static final int CYCLE = PERSONS + AUCTIONS + BIDS;
  static final long FIRST_PERSON_ID = 1000L;
  static final long FIRST_AUCTION_ID = 1000L;

  private NexmarkIds() {}

  static Event.Kind kindOf(long eventId) {
    long r = eventId % CYCLE;
    return r < PERSONS ? Event.Kind.PERSON : r < PERSONS + AUCTIONS ? Event.Kind.AUCTION : Event.Kind.BID;
  }

  /** 0-based id of the last person created at or before event {@code eventId}. */
  static long lastPerson(long eventId) {
    long cycle = eventId / CYCLE;
    long within = Math.min(eventId % CYCLE, PERSONS - 1);
    return cycle * PERSONS + within;
  }

  /** 0-based id of the last auction created at or before event {@code eventId} (-1 before the first). */
  static long lastAuction(long eventId) {
    long cycle = eventId / CYCLE;
    long within = eventId % CYCLE;
    if (within < PERSONS) {
      return (cycle - 1) * AUCTIONS + AUCTIONS - 1;
    }
    return cycle * AUCTIONS + Math.min(within - PERSONS, AUCTIONS - 1);
  }
}
