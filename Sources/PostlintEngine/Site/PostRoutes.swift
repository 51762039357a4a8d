/// The routes one post adds to its site's table.
struct PostRoutes {
    /// The post's own URLs: its page first, then aliases and redirects.
    var pages: [String] = []
    /// Pages the post implies that are not it: its sections, its taxonomies' term pages.
    var listings: [String] = []
    /// The folder its page's resources are served from (a Hugo bundle, a Zola colocated page).
    var bundleFolder: String?
    /// The page's layout writes ids from template values: its anchors are not checked.
    var anchorsUnknown = false
}
