package org.clusterlens.studies.control;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QrCodeTest {
    private static final String LINK = "https://clusterlens.example.org/respond/open/"
            + "Q2x1c3RlckxlbnMgb3BlbiBsaW5rIHRva2VuIDMyYnl0ZXM";
    private static final Pattern SQUARE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

    /** Paints the SVG's squares as a scanner would see them, then reads the code back. */
    private static String decode(String svg) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        assertTrue(box.find(), svg);
        int modules = Integer.parseInt(box.group(1));
        int scale = 4;
        int side = modules * scale;
        int[] pixels = new int[side * side];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher square = SQUARE.matcher(svg);
        while (square.find()) {
            int x = Integer.parseInt(square.group(1));
            int y = Integer.parseInt(square.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * side + x * scale + dx] = 0xFF000000;
                }
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
    }

    @Test
    void svgDecodesBackToTheLink() throws Exception {
        assertEquals(LINK, decode(QrCode.svg(LINK, "Open link")));
    }

    @Test
    void svgHasOnePathATitleAndTheQuietZone() {
        String svg = QrCode.svg(LINK, "Lien <ouvert> & \"QR\"");
        assertEquals(1, svg.split("<path", -1).length - 1, svg);
        assertTrue(svg.contains("<title>Lien &lt;ouvert&gt; &amp; &quot;QR&quot;</title>"), svg);
        int width = QrCode.matrix(LINK).getWidth();
        assertTrue(svg.contains("viewBox=\"0 0 " + (width + 2 * QrCode.QUIET_ZONE) + " "), svg);
        Matcher square = SQUARE.matcher(svg);
        int smallest = Integer.MAX_VALUE;
        while (square.find()) {
            smallest = Math.min(smallest, Math.min(Integer.parseInt(square.group(1)), Integer.parseInt(square.group(2))));
        }
        assertEquals(QrCode.QUIET_ZONE, smallest, "no dark module inside the quiet zone");
    }
}
