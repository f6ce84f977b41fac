import java.util.List;

public class Stats {
    static int average(List<Integer> values) {
        int sum = 0;
        for (int v : values) sum += v;
        return sum / values.size();
    }

    public static void main(String[] args) {
        System.out.println("avg response ms: " + average(List.of()));
    }
}
