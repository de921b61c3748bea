package org.clusterlens.exports.control;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** A file inside a ZIP is written by a writer that closes when done; the ZIP itself goes on. */
final class Unclosable extends FilterOutputStream {

    Unclosable(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
