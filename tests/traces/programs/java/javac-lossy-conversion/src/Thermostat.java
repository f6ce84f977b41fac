public class Thermostat {
    private int targetCelsius = 21;

    public void applyEcoMode(double factor) {
        targetCelsius = targetCelsius * factor;
    }

    public static void main(String[] args) {
        Thermostat t = new Thermostat();
        t.applyEcoMode(0.9);
        System.out.println("target: " + t.targetCelsius);
    }
}
