package io.eddy.bench.nexmark;

import io.eddy.engine.RowAppender;

/**
 * One Nexmark event. Times are epoch milliseconds (Eddy's TIMESTAMP representation); the
 * {@link #row()} of each kind lists the columns of its stream in the order of {@code schema.sql}.
 */
public sealed interface Event {

  /** The Eddy stream the event belongs to: {@code person}, {@code auction} or {@code bid}. */
  Kind kind();

  /** Event time, epoch milliseconds. */
  long dateTime();

  /** The stream row, values in Eddy's TypeKind representation. */
  Object[] row();

  /** Sets the columns of the stream row on {@code out}, unboxed (the row is ended by the caller). */
  void writeTo(RowAppender out);

  /** The three event kinds; {@link #code} is the {@code event_type} of the flat CSV. */
  enum Kind {
    PERSON("person", 0), AUCTION("auction", 1), BID("bid", 2);

    public final String stream;
    public final int code;

    private static final Kind[] BY_CODE = new Kind[values().length];

    static {
      for (Kind k : values()) {
        BY_CODE[k.code] = k;
      }
    }

    Kind(String stream, int code) {
      this.stream = stream;
      this.code = code;
    }

    /** The kind whose {@link #code} is {@code code} (0, 1 or 2). */
    public static Kind ofCode(int code) {
      return BY_CODE[code];
    }
  }

  record Person(long id, String name, String emailAddress, String creditCard, String city, String state,
      long dateTime, String extra) implements Event {
    @Override
    public Kind kind() {
      return Kind.PERSON;
    }

    @Override
    public Object[] row() {
      return new Object[] {id, name, emailAddress, creditCard, city, state, dateTime, extra};
    }

    @Override
    public void writeTo(RowAppender out) {
      out.setLong(0, id).setString(1, name).setString(2, emailAddress).setString(3, creditCard)
          .setString(4, city).setString(5, state).setLong(6, dateTime).setString(7, extra);
    }
  }

  record Auction(long id, String itemName, String description, long initialBid, long reserve, long dateTime,
      long expires, long seller, long category, String extra) implements Event {
    @Override
    public Kind kind() {
      return Kind.AUCTION;
    }

    @Override
    public Object[] row() {
      return new Object[] {id, itemName, description, initialBid, reserve, dateTime, expires, seller, category,
          extra};
    }

    @Override
    public void writeTo(RowAppender out) {
      out.setLong(0, id).setString(1, itemName).setString(2, description).setLong(3, initialBid)
          .setLong(4, reserve).setLong(5, dateTime).setLong(6, expires).setLong(7, seller).setLong(8, category)
          .setString(9, extra);
    }
  }

  record Bid(long auction, long bidder, long price, String channel, String url, long dateTime, String extra)
      implements Event {
    @Override
    public Kind kind() {
      return Kind.BID;
    }

    @Override
    public Object[] row() {
      return new Object[] {auction, bidder, price, channel, url, dateTime, extra};
    }

    @Override
    public void writeTo(RowAppender out) {
      out.setLong(0, auction).setLong(1, bidder).setLong(2, price).setString(3, channel).setString(4, url)
          .setLong(5, dateTime).setString(6, extra);
    }
  }
}
