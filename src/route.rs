//! Hash routes (`#/projects/<id>`): the only kind of address that survives a reload both
//! from a file opened on disk and from any sub-path of an intranet server.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Dashboard,
    Projects,
    Project(String),
    /// The form for a new record of a kind that has one.
    New(Form),
    /// The form editing a record.
    Edit(Form, String),
    Meetings,
    Meeting(String),
    Conclusions,
    Conclusion(String),
    /// A notice pasted or its Word file dropped, read into a draft to review.
    ReadConclusion,
    FollowUp,
    Report,
    Units,
    Unit(String),
    Data,
    NotFound(String),
}

/// The kinds of record created and edited on a form of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Project,
    Meeting,
    Conclusion,
}

impl Form {
    const ALL: [Form; 3] = [Form::Project, Form::Meeting, Form::Conclusion];

    fn segment(self) -> &'static str {
        match self {
            Form::Project => "projects",
            Form::Meeting => "meetings",
            Form::Conclusion => "conclusions",
        }
    }

    fn list(self) -> Route {
        match self {
            Form::Project => Route::Projects,
            Form::Meeting => Route::Meetings,
            Form::Conclusion => Route::Conclusions,
        }
    }
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
        if let Some(form) = Form::ALL.into_iter().find(|f| f.segment() == head) {
            match id.as_deref().map(|s| (s, s.split_once('/'))) {
                Some((_, Some((record, "edit")))) if !record.is_empty() => {
                    return Route::Edit(form, record.to_owned())
                }
                Some(("new", None)) => return Route::New(form),
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
            ("conclusions", Some(id)) if id == "read" => Route::ReadConclusion,
            ("conclusions", Some(id)) => Route::Conclusion(id),
            ("follow-up", None) => Route::FollowUp,
            ("report", None) => Route::Report,
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
            Route::New(form) => format!("#/{}/new", form.segment()),
            Route::Edit(form, id) => format!("#/{}/{id}/edit", form.segment()),
            Route::Meetings => "#/meetings".into(),
            Route::Meeting(id) => format!("#/meetings/{id}"),
            Route::Conclusions => "#/conclusions".into(),
            Route::Conclusion(id) => format!("#/conclusions/{id}"),
            Route::ReadConclusion => "#/conclusions/read".into(),
            Route::FollowUp => "#/follow-up".into(),
            Route::Report => "#/report".into(),
            Route::Units => "#/units".into(),
            Route::Unit(id) => format!("#/units/{id}"),
            Route::Data => "#/data".into(),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }

    /// The top-level section this route belongs to, for highlighting the navigation.
    pub fn section(&self) -> Route {
        match self {
            Route::Project(_) => Route::Projects,
            Route::New(form) | Route::Edit(form, _) => form.list(),
            Route::Meeting(_) => Route::Meetings,
            Route::Conclusion(_) | Route::ReadConclusion => Route::Conclusions,
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
            Route::New(Form::Project),
            Route::Edit(Form::Project, "a-1".into()),
            Route::New(Form::Meeting),
            Route::Edit(Form::Conclusion, "c".into()),
            Route::ReadConclusion,
            Route::Meetings,
            Route::Meeting("m".into()),
            Route::Conclusions,
            Route::Conclusion("c".into()),
            Route::FollowUp,
            Route::Report,
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
