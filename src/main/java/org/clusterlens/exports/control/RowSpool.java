package org.clusterlens.exports.control;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Rows kept on disk, with their cells' types, until their turn comes: a workbook's sheets follow
 * one another, but one pass over the responses fills them all. Deleted on close.
 */
final class RowSpool implements Closeable {
    private static final byte NULL = 0;
    private static final byte TEXT = 1;
    private static final byte NUMBER = 2;
    private static final byte DATE = 3;
    private static final byte TIMESTAMP = 4;

    private final Path file;
    private final int width;
    private DataOutputStream out;
    private long rows;

    RowSpool(int width) throws IOException {
        this.width = width;
        file = Files.createTempFile("clusterlens-export-", ".rows");
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    void add(Object[] cells) throws IOException {
        for (Object cell : cells) {
            switch (cell) {
                case null -> out.writeByte(NULL);
                case String text -> {
                    out.writeByte(TEXT);
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
                case BigDecimal number -> {
                    out.writeByte(NUMBER);
                    out.writeUTF(number.toString());
                }
                case LocalDate date -> {
                    out.writeByte(DATE);
                    out.writeLong(date.toEpochDay());
                }
                case Instant instant -> {
                    out.writeByte(TIMESTAMP);
                    out.writeLong(instant.getEpochSecond());
                    out.writeInt(instant.getNano());
                }
                default -> throw new IllegalArgumentException("no spool type for " + cell.getClass());
            }
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Hands the rows back in the order they came. */
    void replay(ExportLayout.RowTarget target, ExportTable table) throws IOException {
        out.close();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            for (long r = 0; r < rows; r++) {
                Object[] cells = new Object[width];
                for (int i = 0; i < width; i++) {
                    cells[i] = read(in);
                }
                target.row(table, cells);
            }
        } catch (EOFException truncated) {
            throw new UncheckedIOException("export spool " + file + " ended early", truncated);
        }
    }

    private static Object read(DataInputStream in) throws IOException {
        return switch (in.readByte()) {
            case NULL -> null;
            case TEXT -> {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                yield new String(bytes, StandardCharsets.UTF_8);
            }
            case NUMBER -> new BigDecimal(in.readUTF());
            case DATE -> LocalDate.ofEpochDay(in.readLong());
            case TIMESTAMP -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            default -> throw new IOException("export spool is damaged");
        };
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
