public class Histogram {
    public static void main(String[] args) {
        int[] scores = {72, 88, 100, 45, 91, 67};
        int[] buckets = new int[10];
        for (int s : scores) {
            buckets[s / 10]++;
        }
        for (int i = 0; i < buckets.length; i++) {
            System.out.printf("%3d-%3d %s%n", i * 10, i * 10 + 9, "#".repeat(buckets[i]));
        }
    }
}
