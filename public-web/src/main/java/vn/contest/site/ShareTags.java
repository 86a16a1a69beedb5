package vn.contest.site;

/**
 * What a link to a public page shows when it is posted on Facebook, Zalo or X: the Open Graph and Twitter card
 * tags the layout writes into the head ({@code layout.jte}'s {@code share}). Every public page passes one;
 * {@code url} and {@code image} are absolute (a card's image must be), built with {@link SiteUrls#absolute}.
 */
public record ShareTags(String title, String description, String url, String image) {
    /** Open Graph's size for a large card: what the share images are drawn at. */
    public static final int IMAGE_WIDTH = 1200;
    public static final int IMAGE_HEIGHT = 630;
}
