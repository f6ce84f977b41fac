public class PriceTag {
    String formatPrice(double amount) {
        return String.format("%.2f EUR", amount);
    }

    public static void main(String[] args) {
        System.out.println(formatPrice(19.9));
    }
}
