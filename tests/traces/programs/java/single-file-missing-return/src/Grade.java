public class Grade {
    static String letter(int score) {
        if (score >= 90) {
            return "A";
        } else if (score >= 75) {
            return "B";
        } else if (score >= 50) {
            return "C";
        }
    }

    public static void main(String[] args) {
        for (String a : args) {
            System.out.println(a + ": " + letter(Integer.parseInt(a)));
        }
    }
}
