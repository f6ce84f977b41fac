import java.util.ArrayList;
import java.util.List;

public class Cart {
    record Item(String sku, int qty) {}

    public static void main(String[] args) {
        List<Item> items = new ArrayList<>(List.of(
                new Item("MUG-RED", 2), new Item("TEE-BLK-M", 0), new Item("CAP-GRN", 1), new Item("SOCK-3P", 0)));
        for (Item item : items) {
            if (item.qty() == 0) {
                items.remove(item);
            }
        }
        System.out.println(items);
    }
}
