package org.clusterlens.platform.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * A static file's response on its way out: Cache-Control once it is known to be the file (a 200)
 * or a confirmation of it (a 304), never on an error; the body gzipped when asked, with the
 * Content-Length of the stored file dropped because the gzipped body is shorter.
 */
final class StaticFileResponse extends HttpServletResponseWrapper {
    private final String cacheControl;
    private final boolean compressible;
    private final boolean gzip;
    private boolean failed;
    private boolean headersDone;
    private GzipStream stream;
    private PrintWriter writer;

    StaticFileResponse(HttpServletResponse response, String cacheControl, boolean compressible, boolean gzip) {
        super(response);
        this.cacheControl = cacheControl;
        this.compressible = compressible;
        this.gzip = gzip;
    }

    private boolean compressing() {
        return gzip && !failed && getStatus() == SC_OK;
    }

    /** The headers that depend on the answer being the file; set before its first byte. */
    private void headers() {
        if (headersDone || failed || isCommitted()) {
            return;
        }
        headersDone = true;
        int status = getStatus();
        if (status == SC_OK || status == SC_NOT_MODIFIED) {
            super.setHeader("Cache-Control", cacheControl);
        }
        if (compressible) {
            // a cache must keep the gzipped and the plain body apart
            super.addHeader("Vary", "Accept-Encoding");
        }
        if (compressing()) {
            super.setHeader("Content-Encoding", "gzip");
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        headers();
        if (!compressing()) {
            return super.getOutputStream();
        }
        if (stream == null) {
            stream = new GzipStream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        headers();
        if (!compressing()) {
            return super.getWriter();
        }
        if (writer == null) {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.ISO_8859_1 : Charset.forName(getCharacterEncoding());
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
        }
        return writer;
    }

    @Override
    public void setContentLength(int length) {
        if (!gzip) {
            super.setContentLength(length);
        }
    }

    @Override
    public void setContentLengthLong(long length) {
        if (!gzip) {
            super.setContentLengthLong(length);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!(gzip && "Content-Length".equalsIgnoreCase(name))) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!(gzip && "Content-Length".equalsIgnoreCase(name))) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!(gzip && "Content-Length".equalsIgnoreCase(name))) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        failed = true;
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        failed = true;
        super.sendError(status);
    }

    @Override
    public void flushBuffer() throws IOException {
        headers();
        if (writer != null) {
            writer.flush();
        }
        if (stream != null) {
            stream.flush();
        }
        super.flushBuffer();
    }

    /** After the default servlet: a 304 (no body) still gets its headers; a gzipped body gets its trailer. */
    void finish() throws IOException {
        headers();
        if (writer != null) {
            writer.flush();
        }
        if (stream != null) {
            stream.finish();
        }
    }

    private static final class GzipStream extends ServletOutputStream {
        private final ServletOutputStream target;
        private final GZIPOutputStream gzip;
        private boolean closed;

        GzipStream(ServletOutputStream target) throws IOException {
            this.target = target;
            this.gzip = new GZIPOutputStream(target, 8192);
        }

        @Override
        public void write(int b) throws IOException {
            gzip.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            gzip.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            gzip.flush();
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                gzip.close();
            }
        }

        void finish() throws IOException {
            if (!closed) {
                gzip.finish();
                target.flush();
            }
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }
}
