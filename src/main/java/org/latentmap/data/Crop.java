package org.latentmap.data;

import java.awt.image.BufferedImage;

/**
 * A square crop of an RGB image followed by a bilinear resize, as the paper prepares CelebA (Sect. 4.1 and
 * 4.3). Bilinear sampling uses half-pixel centres (the default of TensorFlow 2's {@code tf.image.resize},
 * without antialiasing): output pixel o reads the source at (o + 0.5) * scale - 0.5. For a 2x reduction
 * this is the exact mean of each 2x2 block.
 *
 * @param top      first row of the crop in the source image
 * @param left     first column of the crop
 * @param side     side of the square crop, in source pixels
 * @param output   side of the resized result
 * @param sourceWidth  width the source images must have
 * @param sourceHeight height the source images must have
 */
public record Crop(int top, int left, int side, int output, int sourceWidth, int sourceHeight) implements Framing {

    /** Aligned CelebA (178x218): 128x128 at row 45, column 25, to 64x64 (paper Sect. 4.1). */
    public static final Crop CELEBA = new Crop(45, 25, 128, 64, 178, 218);

    /** CelebA-HQ (1024x1024) framed like CelebA: 880x880 at row 20, column 60, to 64x64 (paper Sect. 4.3). */
    public static final Crop CELEBA_HQ = new Crop(20, 60, 880, 64, 1024, 1024);

    public Crop {
        if (side <= 0 || output <= 0 || top < 0 || left < 0 || top + side > sourceHeight || left + side > sourceWidth) {
            throw new IllegalArgumentException("crop " + side + "x" + side + " at (" + top + ", " + left
                    + ") does not fit a " + sourceWidth + "x" + sourceHeight + " image");
        }
    }

    /** The same crop, resized to {@code newOutput} pixels a side instead. */
    @Override
    public Crop withOutput(int newOutput) {
        return new Crop(top, left, side, newOutput, sourceWidth, sourceHeight);
    }

    /** Crops and resizes one image to planar RGB values in [0, 1]: 3 x output x output. */
    @Override
    public float[] apply(BufferedImage image, String name) {
        if (image.getWidth() != sourceWidth || image.getHeight() != sourceHeight) {
            throw new DataException("image " + name + " is " + image.getWidth() + "x" + image.getHeight()
                    + " pixels; this crop expects " + sourceWidth + "x" + sourceHeight + describeSource());
        }
        float[] out = new float[3 * output * output];
        double scale = (double) side / output;
        int plane = output * output;
        for (int oy = 0; oy < output; oy++) {
            double sy = Math.max(0, (oy + 0.5) * scale - 0.5);
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(y0 + 1, side - 1);
            double wy = sy - y0;
            for (int ox = 0; ox < output; ox++) {
                double sx = Math.max(0, (ox + 0.5) * scale - 0.5);
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(x0 + 1, side - 1);
                double wx = sx - x0;
                int p00 = image.getRGB(left + x0, top + y0);
                int p01 = image.getRGB(left + x1, top + y0);
                int p10 = image.getRGB(left + x0, top + y1);
                int p11 = image.getRGB(left + x1, top + y1);
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    double v00 = (p00 >> shift) & 0xff;
                    double v01 = (p01 >> shift) & 0xff;
                    double v10 = (p10 >> shift) & 0xff;
                    double v11 = (p11 >> shift) & 0xff;
                    double top = v00 + (v01 - v00) * wx;
                    double bottom = v10 + (v11 - v10) * wx;
                    out[c * plane + oy * output + ox] = (float) ((top + (bottom - top) * wy) / 255.0);
                }
            }
        }
        return out;
    }

    private String describeSource() {
        if (withOutput(CELEBA.output()).equals(CELEBA)) {
            return " (the aligned and cropped CelebA images of img_align_celeba; the in-the-wild img_celeba images differ in size)";
        }
        if (withOutput(CELEBA_HQ.output()).equals(CELEBA_HQ)) {
            return " (CelebA-HQ at 1024x1024)";
        }
        return "";
    }
}
