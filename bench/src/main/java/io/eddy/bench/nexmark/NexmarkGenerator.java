package io.eddy.bench.nexmark;

import io.eddy.engine.RowAppender;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic Nexmark event generator: {@link #next()} returns event 0, 1, 2, ... of the
 * standard model (see {@link NexmarkIds} for the 1 : 3 : 46 mix). Field distributions follow the
 * Nexmark/Beam model: hot auctions, sellers and bidders (ratios 2, 4, 4: the hot id is the first
 * of the last hundred), otherwise a uniformly random recent id (1000 active persons, 100 in-flight
 * auctions, 10 ids of lead); prices {@code round(10^(6u) * 100)}; 5 categories from 10; auctions
 * expire up to twice the event-time distance of 100 auctions ahead; extra filler to about
 * 200 / 500 / 100 bytes (+/-20 %); half the bids on 4 hot channels, the rest on 10,000
 * {@code channel-K} channels whose URL carries {@code &channel_id=} 90 % of the time.
 *
 * <p>The draws are made in the same order as the Flink peer's generator
 * ({@code /work/shared/peers/flink}, {@code NexmarkGen}), so the same {@link NexmarkConfig} gives
 * the same events, and {@link NexmarkCsv} writes the same bytes. Not thread-safe.
 */
public final class NexmarkGenerator {
  private static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
  private static final String[] CITIES = {"Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland",
      "Bend", "Redmond", "Seattle", "Kent", "Cheyenne"};
  private static final String[] FIRST_NAMES = {"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate",
      "Julie", "Sarah", "Deiter", "Walter"};
  private static final String[] LAST_NAMES = {"Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton",
      "Smith", "Jones", "Noris"};
  private static final String[] HOT_CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};
  private static final int CHANNELS = 10_000;
  private static final int ACTIVE_PERSONS = 1000;
  private static final int IN_FLIGHT_AUCTIONS = 100;
  private static final int ID_LEAD = 10;
  private static final int HOT_GROUP = 100;
  private static final int CATEGORIES = 5;
  private static final long FIRST_CATEGORY = 10;

  private final SplittableRandom rnd;
  private final double microsPerEvent;
  private final long baseTimeMs;
  private final String filler;
  /** Channel c's name and URL: {@code channel-c} below CHANNELS, then the hot channels. */
  private final String[] channelNames = new String[CHANNELS + HOT_CHANNELS.length];
  private final String[] channelUrls = new String[channelNames.length];
  /** "first last" for first * LAST_NAMES.length + last. */
  private final String[] names = new String[FIRST_NAMES.length * LAST_NAMES.length];
  // The same text as ASCII bytes, for appendNext: channel c's name is entry 2c of channelText,
  // its URL entry 2c + 1.
  private final byte[] fillerBytes;
  private final AsciiTable channelText;
  private final AsciiTable nameText;
  private final AsciiTable cityText = new AsciiTable(CITIES);
  private final AsciiTable stateText = new AsciiTable(STATES);
  private final byte[] dotCom = ".com".getBytes(StandardCharsets.US_ASCII);
  private long n;
  // The draws of the bid being made (see drawBid): ids, price, channel (an index into channelNames)
  // and the filler slice of its extra.
  private long bidAuction;
  private long bidBidder;
  private long bidPrice;
  private int bidChannel;
  private int extraFrom;
  private int extraLength;
  // The draws of the person being made (see drawPerson): indexes into names, CITIES and STATES,
  // the email and credit card text.
  private int personName;
  private int personCity;
  private int personState;
  private final AsciiText email = new AsciiText(16);
  private final AsciiText card = new AsciiText(19);
  // The draws of the auction being made (see drawAuction): ids and prices, the text of its name
  // and description.
  private long auctionSeller;
  private long auctionCategory;
  private long auctionInitialBid;
  private long auctionReserve;
  private long auctionExpires;
  private final AsciiText itemName = new AsciiText(20);
  private final AsciiText description = new AsciiText(100);

  public NexmarkGenerator(NexmarkConfig config) {
    SplittableRandom tables = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
    this.rnd = new SplittableRandom(config.seed());
    this.microsPerEvent = 1_000_000.0 / config.eventsPerSecond();
    this.baseTimeMs = config.baseTimeMs();
    this.filler = RandomText.letters(tables, 1 << 20);
    for (int i = 0; i < HOT_CHANNELS.length; i++) {
      channelNames[CHANNELS + i] = HOT_CHANNELS[i];
      channelUrls[CHANNELS + i] = RandomText.url(tables);
    }
    for (int i = 0; i < CHANNELS; i++) {
      String url = RandomText.url(tables);
      channelUrls[i] = tables.nextInt(10) > 0 ? url + "&channel_id=" + Math.abs(Integer.reverse(i)) : url;
      channelNames[i] = "channel-" + i;
    }
    for (int f = 0; f < FIRST_NAMES.length; f++) {
      for (int l = 0; l < LAST_NAMES.length; l++) {
        names[f * LAST_NAMES.length + l] = FIRST_NAMES[f] + " " + LAST_NAMES[l];
      }
    }
    this.fillerBytes = filler.getBytes(StandardCharsets.US_ASCII);
    String[] nameAndUrl = new String[2 * channelNames.length];
    for (int c = 0; c < channelNames.length; c++) {
      nameAndUrl[2 * c] = channelNames[c];
      nameAndUrl[2 * c + 1] = channelUrls[c];
    }
    this.channelText = new AsciiTable(nameAndUrl);
    this.nameText = new AsciiTable(names);
  }

  /** Number of the event the next call to {@link #next()} returns. */
  public long position() {
    return n;
  }

  /** Event time of event {@code eventNumber}, epoch milliseconds. */
  public long timeOf(long eventNumber) {
    return baseTimeMs + (long) (eventNumber * microsPerEvent) / 1000L;
  }

  public Event next() {
    long id = n++;
    return switch (NexmarkIds.kindOf(id)) {
      case PERSON -> person(id);
      case AUCTION -> auction(id);
      case BID -> bid(id);
    };
  }

  private Event.Person person(long id) {
    drawPerson();
    return new Event.Person(personId(id), names[personName], email.toString(), card.toString(), CITIES[personCity],
        STATES[personState], timeOf(id), extraString());
  }

  private Event.Auction auction(long id) {
    drawAuction(id);
    return new Event.Auction(auctionId(id), itemName.toString(), description.toString(), auctionInitialBid,
        auctionReserve, timeOf(id), auctionExpires, auctionSeller, auctionCategory, extraString());
  }

  /**
   * Makes the draws of a person, in the peer's order, into the {@code person*}, text and
   * {@code extra*} fields.
   */
  private void drawPerson() {
    personName = rnd.nextInt(FIRST_NAMES.length) * LAST_NAMES.length + rnd.nextInt(LAST_NAMES.length);
    email.clear();
    RandomText.append(rnd, 7, ' ', email);
    email.append((byte) '@');
    RandomText.append(rnd, 5, ' ', email);
    email.append(dotCom);
    card.clear();
    for (int i = 0; i < 4; i++) {
      if (i > 0) {
        card.append((byte) ' ');
      }
      int v = rnd.nextInt(10000);
      card.append((byte) ('0' + v / 1000));
      card.append((byte) ('0' + v / 100 % 10));
      card.append((byte) ('0' + v / 10 % 10));
      card.append((byte) ('0' + v % 10));
    }
    personCity = rnd.nextInt(CITIES.length);
    personState = rnd.nextInt(STATES.length);
    drawExtra(8 + nameText.length(personName) + email.length() + card.length() + cityText.length(personCity)
        + stateText.length(personState), 200);
  }

  /**
   * Makes the draws of auction {@code id}, in the peer's order, into the {@code auction*}, text and
   * {@code extra*} fields.
   */
  private void drawAuction(long id) {
    long ts = timeOf(id);
    long seller = rnd.nextInt(4) > 0 ? hot(NexmarkIds.lastPerson(id)) : recentPerson(id);
    auctionSeller = seller + NexmarkIds.FIRST_PERSON_ID;
    auctionCategory = FIRST_CATEGORY + rnd.nextInt(CATEGORIES);
    auctionInitialBid = price();
    long eventsPer100Auctions = (long) IN_FLIGHT_AUCTIONS * NexmarkIds.CYCLE / NexmarkIds.AUCTIONS;
    long horizon = timeOf(id + eventsPer100Auctions) - ts;
    auctionExpires = ts + 1 + below(Math.max(horizon * 2, 1L));
    itemName.clear();
    RandomText.append(rnd, 20, ' ', itemName);
    description.clear();
    RandomText.append(rnd, 100, ' ', description);
    auctionReserve = auctionInitialBid + price();
    drawExtra(8 + itemName.length() + description.length() + 40, 500);
  }

  /**
   * Appends the next event to its stream in {@code out}: the event {@link #next()} would return, from
   * the same draws, but set on the stream's appender as numbers and ASCII slices of the generator's
   * own text (tables and scratch buffers that stay unchanged until the row ends), without an
   * {@link Event} or a {@code String}.
   */
  public void appendNext(StreamAppender out) {
    long id = n++;
    Event.Kind kind = NexmarkIds.kindOf(id);
    RowAppender row = out.row(kind);
    switch (kind) {
      case PERSON -> writePerson(id, row);
      case AUCTION -> writeAuction(id, row);
      case BID -> writeBid(id, row);
    }
    out.endRow(kind);
  }

  /** The columns of {@link Event.Person#writeTo}, from {@link #drawPerson}. */
  private void writePerson(long id, RowAppender row) {
    drawPerson();
    row.setLong(0, personId(id));
    nameText.set(row, 1, personName);
    email.set(row, 2);
    card.set(row, 3);
    cityText.set(row, 4, personCity);
    stateText.set(row, 5, personState);
    row.setLong(6, timeOf(id)).setUtf8(7, fillerBytes, extraFrom, extraLength);
  }

  /** The columns of {@link Event.Auction#writeTo}, from {@link #drawAuction}. */
  private void writeAuction(long id, RowAppender row) {
    drawAuction(id);
    row.setLong(0, auctionId(id));
    itemName.set(row, 1);
    description.set(row, 2);
    row.setLong(3, auctionInitialBid).setLong(4, auctionReserve).setLong(5, timeOf(id)).setLong(6, auctionExpires)
        .setLong(7, auctionSeller).setLong(8, auctionCategory).setUtf8(9, fillerBytes, extraFrom, extraLength);
  }

  /** The columns of {@link Event.Bid#writeTo}, from {@link #drawBid}. */
  private void writeBid(long id, RowAppender row) {
    drawBid(id);
    row.setLong(0, bidAuction).setLong(1, bidBidder).setLong(2, bidPrice);
    channelText.set(row, 3, 2 * bidChannel);
    channelText.set(row, 4, 2 * bidChannel + 1);
    row.setLong(5, timeOf(id)).setUtf8(6, fillerBytes, extraFrom, extraLength);
  }

  private Event.Bid bid(long id) {
    drawBid(id);
    return new Event.Bid(bidAuction, bidBidder, bidPrice, channelNames[bidChannel], channelUrls[bidChannel], timeOf(id),
        extraString());
  }

  /** Makes the draws of bid {@code id}, in the peer's order, into the {@code bid*} and {@code extra*} fields. */
  private void drawBid(long id) {
    long auction = rnd.nextInt(2) > 0 ? hot(NexmarkIds.lastAuction(id)) : recentAuction(id);
    long bidder = rnd.nextInt(4) > 0 ? hot(NexmarkIds.lastPerson(id)) + 1 : recentPerson(id);
    bidAuction = auction + NexmarkIds.FIRST_AUCTION_ID;
    bidBidder = bidder + NexmarkIds.FIRST_PERSON_ID;
    bidPrice = price();
    bidChannel = rnd.nextInt(2) > 0 ? CHANNELS + rnd.nextInt(HOT_CHANNELS.length) : rnd.nextInt(CHANNELS);
    drawExtra(32, 100);
  }

  /** The id of the person event {@code id} creates. */
  private static long personId(long id) {
    return NexmarkIds.lastPerson(id) + NexmarkIds.FIRST_PERSON_ID;
  }

  /** The id of the auction event {@code id} creates. */
  private static long auctionId(long id) {
    return NexmarkIds.lastAuction(id) + NexmarkIds.FIRST_AUCTION_ID;
  }

  private static long hot(long lastId) {
    return lastId / HOT_GROUP * HOT_GROUP;
  }

  private long recentPerson(long id) {
    long persons = NexmarkIds.lastPerson(id) + 1;
    long active = Math.min(persons, ACTIVE_PERSONS);
    return persons - active + below(active + ID_LEAD);
  }

  private long recentAuction(long id) {
    long last = NexmarkIds.lastAuction(id);
    long first = Math.max(last - IN_FLIGHT_AUCTIONS, 0);
    return first + below(last - first + 1 + ID_LEAD);
  }

  private long below(long bound) {
    return bound < Integer.MAX_VALUE ? rnd.nextInt((int) bound) : Math.floorMod(rnd.nextLong(), bound);
  }

  private long price() {
    return Math.round(Math.pow(10.0, rnd.nextDouble() * 6.0) * 100.0);
  }

  /** The filler slice {@link #drawExtra} drew. */
  private String extraString() {
    return filler.substring(extraFrom, extraFrom + extraLength);
  }

  /**
   * Draws the filler slice bringing a record of {@code size} bytes to about {@code average}
   * (+/-20 %) into {@link #extraFrom} and {@link #extraLength}.
   */
  private void drawExtra(int size, int average) {
    if (size > average) {
      extraFrom = 0;
      extraLength = 0;
      return;
    }
    int want = average - size;
    int delta = (int) Math.round(want * 0.2);
    extraLength = want - delta + (delta == 0 ? 0 : rnd.nextInt(2 * delta));
    extraFrom = rnd.nextInt(filler.length() - extraLength);
  }
}
