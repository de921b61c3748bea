package org.clusterlens.studies.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.util.Map;

/**
 * A link as a QR code in SVG, to put on a workshop's screen or a printed sheet: one path of
 * one-unit squares, so it scales to any size without blurring, with the four-module quiet zone
 * that scanners need around it.
 */
public final class QrCode {
    /** The quiet zone the QR standard asks for, in modules. */
    public static final int QUIET_ZONE = 4;

    private QrCode() {
    }

    /** The modules of {@code text} without the quiet zone (true = dark). */
    public static BitMatrix matrix(String text) {
        try {
            // medium correction survives a projector's glare or a creased print without making the code dense
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + text.length() + " characters as a QR code", e);
        }
    }

    public static String svg(String text, String title) {
        BitMatrix modules = matrix(text);
        int size = modules.getWidth() + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" width=\""
                + size * 8 + "\" height=\"" + size * 8 + "\" shape-rendering=\"crispEdges\" role=\"img\">"
                + "<title>" + escape(title) + "</title>"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
