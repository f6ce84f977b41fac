import java.util.Scanner;

public class Grades {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        System.out.print("How many students? ");
        int n = in.nextInt();
        int sum = 0;
        for (int i = 0; i < n; i++) {
            System.out.print("Grade " + (i + 1) + ": ");
            sum += in.nextInt();
        }
        System.out.println("average: " + (double) sum / n);
    }
}
