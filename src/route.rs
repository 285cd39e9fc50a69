//! Hash routes (`#/projects/<id>`): the only kind of address that survives a reload both
//! from a file opened on disk and from any sub-path of an intranet server.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Dashboard,
    Projects,
    Project(String),
    /// The form for a new project of the register.
    NewProject,
    /// The form editing a project.
    EditProject(String),
    Meetings,
    Meeting(String),
    Conclusions,
    Conclusion(String),
    Units,
    Unit(String),
    Data,
    NotFound(String),
}

impl Route {
    /// Reads `location.hash` ("#/projects/abc", "", "#/").
    pub fn parse(hash: &str) -> Route {
        let path = hash
            .trim_start_matches('#')
            .trim_start_matches('/')
            .trim_end_matches('/');
        let mut parts = path.splitn(2, '/');
        let head = parts.next().unwrap_or("");
        let id = parts.next().map(|s| s.to_owned()).filter(|s| !s.is_empty());
        if head == "projects" {
            match id.as_deref().map(|s| s.split_once('/')) {
                Some(Some((project, "edit"))) if !project.is_empty() => {
                    return Route::EditProject(project.to_owned())
                }
                Some(None) if id.as_deref() == Some("new") => return Route::NewProject,
                _ => {}
            }
        }
        if id.as_deref().is_some_and(|s| s.contains('/')) {
            return Route::NotFound(path.to_owned());
        }
        match (head, id) {
            ("", None) | ("dashboard", None) => Route::Dashboard,
            ("projects", None) => Route::Projects,
            ("projects", Some(id)) => Route::Project(id),
            ("meetings", None) => Route::Meetings,
            ("meetings", Some(id)) => Route::Meeting(id),
            ("conclusions", None) => Route::Conclusions,
            ("conclusions", Some(id)) => Route::Conclusion(id),
            ("units", None) => Route::Units,
            ("units", Some(id)) => Route::Unit(id),
            ("data", None) => Route::Data,
            _ => Route::NotFound(path.to_owned()),
        }
    }

    /// The `href` of this route, relative to the page (so any sub-path works).
    pub fn href(&self) -> String {
        match self {
            Route::Dashboard => "#/".into(),
            Route::Projects => "#/projects".into(),
            Route::Project(id) => format!("#/projects/{id}"),
            Route::NewProject => "#/projects/new".into(),
            Route::EditProject(id) => format!("#/projects/{id}/edit"),
            Route::Meetings => "#/meetings".into(),
            Route::Meeting(id) => format!("#/meetings/{id}"),
            Route::Conclusions => "#/conclusions".into(),
            Route::Conclusion(id) => format!("#/conclusions/{id}"),
            Route::Units => "#/units".into(),
            Route::Unit(id) => format!("#/units/{id}"),
            Route::Data => "#/data".into(),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }

    /// The top-level section this route belongs to, for highlighting the navigation.
    pub fn section(&self) -> Route {
        match self {
            Route::Project(_) | Route::NewProject | Route::EditProject(_) => Route::Projects,
            Route::Meeting(_) => Route::Meetings,
            Route::Conclusion(_) => Route::Conclusions,
            Route::Unit(_) => Route::Units,
            other => other.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip() {
        for route in [
            Route::Dashboard,
            Route::Projects,
            Route::Project("a-1".into()),
            Route::NewProject,
            Route::EditProject("a-1".into()),
            Route::Meetings,
            Route::Meeting("m".into()),
            Route::Conclusions,
            Route::Conclusion("c".into()),
            Route::Units,
            Route::Unit("u".into()),
            Route::Data,
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn odd_hashes_are_handled() {
        assert_eq!(Route::parse(""), Route::Dashboard);
        assert_eq!(Route::parse("#"), Route::Dashboard);
        assert_eq!(Route::parse("#/projects/"), Route::Projects);
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound("nowhere".into()));
        assert_eq!(
            Route::parse("#/projects//edit"),
            Route::NotFound("projects//edit".into())
        );
        assert_eq!(
            Route::parse("#/projects/a/b"),
            Route::NotFound("projects/a/b".into())
        );
    }
}
