package org.latentmap.data;

/** Pixel values held as given, in one float array: images a model drew, or any set under 2^31 values. */
final class FloatPixels implements Pixels {
    private final float[] values;

    FloatPixels(float[] values) {
        this.values = values;
    }

    @Override
    public long length() {
        return values.length;
    }

    @Override
    public float get(long index) {
        return values[Math.toIntExact(index)];
    }

    @Override
    public void copy(long from, float[] target, int offset, int count) {
        System.arraycopy(values, Math.toIntExact(from), target, offset, count);
    }

    @Override
    public Pixels select(int[] indices, int imageLength) {
        float[] out = new float[Math.multiplyExact(indices.length, imageLength)];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, Math.multiplyExact(indices[i], imageLength), out, i * imageLength, imageLength);
        }
        return new FloatPixels(out);
    }
}
