package dev.missive.samples;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Real small files of each accepted kind, built the way their writers build them (ImageIO's
 * JPEG encoder, java.util.zip), and hostile ones. Shared by the unit tests and the integration
 * suite (through this module's test jar).
 */
public final class AttachmentSamples {

    public static final String JPEG = "image/jpeg";
    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String MP4 = "video/mp4";

    private AttachmentSamples() {}

    /** An 8 by 8 picture as ImageIO encodes it: FF D8 FF E0 ... FF D9. */
    public static byte[] jpeg() {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().setColor(Color.BLUE);
        image.getGraphics().fillRect(0, 0, 4, 4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A one-page PDF with a correct cross-reference table. */
    public static byte[] pdf() {
        String[] objects = {
            "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
            "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
            "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n"
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        StringBuilder xref = new StringBuilder("xref\n0 4\n0000000000 65535 f \n");
        for (String object : objects) {
            xref.append(String.format("%010d 00000 n \n", pdf.length()));
            pdf.append(object);
        }
        int start = pdf.length();
        pdf.append(xref)
                .append("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n")
                .append(start)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A minimal Word document: the OOXML package parts Word itself needs. */
    public static byte[] docx() {
        return zip(Map.of(
                "[Content_Types].xml",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                                + "<Override PartName=\"/word/document.xml\" ContentType=\""
                                + "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
                "_rels/.rels",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                                + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>",
                "word/document.xml",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                                + "<w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>"));
    }

    /** An MP4: ftyp (isom), a moov with its movie header, and an mdat of {@code mediaBytes}. */
    public static byte[] mp4(int mediaBytes) {
        ByteBuffer file = ByteBuffer.allocate(24 + 116 + 8 + mediaBytes);
        file.putInt(24).put(ascii("ftypisom")).putInt(0x200).put(ascii("isommp41"));
        file.putInt(116)
                .put(ascii("moov"))
                .putInt(108)
                .put(ascii("mvhd"))
                .putInt(0)
                .putInt(0)
                .putInt(0)
                .putInt(1000)
                .putInt(0)
                .putInt(0x00010000)
                .putShort((short) 0x0100)
                .put(new byte[10])
                .put(new byte[36])
                .put(new byte[24])
                .putInt(2);
        file.putInt(8 + mediaBytes).put(ascii("mdat"));
        for (int i = 0; i < mediaBytes; i++) {
            file.put((byte) (i * 31));
        }
        return file.array();
    }

    public static byte[] mp4() {
        return mp4(64);
    }

    /** The start of a Linux executable. */
    public static byte[] elf() {
        byte[] elf = new byte[64];
        System.arraycopy(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1}, 0, elf, 0, 7);
        return elf;
    }

    /** The start of a Windows executable. */
    public static byte[] mz() {
        byte[] mz = new byte[128];
        mz[0] = 'M';
        mz[1] = 'Z';
        mz[2] = (byte) 0x90;
        return mz;
    }

    /** A zip (say, a JAR) with one entry. */
    public static byte[] jar() {
        return zip(Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: Evil\n"));
    }

    /** A zip that is not a Word document: no content types, no word/document.xml. */
    public static byte[] zipNotOoxml() {
        return zip(Map.of("notes.txt", "hello"));
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : entries.keySet().stream().sorted().toList()) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(entries.get(name).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
