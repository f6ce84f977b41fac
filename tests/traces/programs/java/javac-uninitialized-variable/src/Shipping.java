public class Shipping {
    static double cost(String zone, double kg) {
        double rate;
        if (zone.equals("EU")) {
            rate = 4.5;
        } else if (zone.equals("US")) {
            rate = 9.0;
        }
        return rate * kg;
    }

    public static void main(String[] args) {
        System.out.println(cost("EU", 2.0));
    }
}
