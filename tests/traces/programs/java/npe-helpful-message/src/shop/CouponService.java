package shop;

import java.util.HashMap;
import java.util.Map;

public class CouponService {
    private final Map<String, String> campaigns = new HashMap<>();

    public CouponService() {
        campaigns.put("SPRING24", "spring-sale");
        campaigns.put("WELCOME10", "onboarding");
    }

    public String campaignFor(String code) {
        String campaign = campaigns.get(code.trim().toUpperCase());
        return campaign.toLowerCase();
    }

    public static void main(String[] args) {
        CouponService svc = new CouponService();
        for (String code : new String[] {"spring24", " welcome10", "BLACKFRIDAY"}) {
            System.out.println(code + " -> " + svc.campaignFor(code));
        }
    }
}
