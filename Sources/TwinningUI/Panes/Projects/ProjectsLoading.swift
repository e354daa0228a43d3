import TwinningCore

/// What the Projects pane asks the database for. One `Effect` case
/// (`.projects`) carries them all, so the pane's loading and saving stay in
/// this folder and the shared `EffectRunner` only routes here.
public enum ProjectsEffect: Equatable, Sendable {
    /// Every project's summary, overdue counted as of `today`.
    case loadList(today: PartialDate)
    case loadDetail(Int64)
    case save(Project)
    case delete(Int64)
    case saveAction(ProjectAction)
    /// Marks the action done on `on`, if nobody changed it meanwhile (its version).
    case markDone(ProjectAction, on: PartialDate)
    case deleteAction(ProjectAction)

    /// A save from a form (a conflict offers to reload or overwrite it).
    public var fromForm: Bool {
        switch self {
        case .save, .saveAction: return true
        default: return false
        }
    }

    /// A write (shown as "Saving…", refused read-only).
    public var writes: Bool {
        switch self {
        case .loadList, .loadDetail: return false
        default: return true
        }
    }
}

/// What came back for the Projects pane (`Action.projectsLoaded`).
public enum ProjectsResult: Equatable, Sendable {
    case list([ProjectSummary])
    case detail(ProjectDetail)
}

extension EffectRunner {
    /// Performs a projects effect. Errors other than a wrong field go to
    /// `perform`'s handler (conflicts, read-only, full disk) like any save's.
    func performProjects(_ effect: ProjectsEffect, language: Language) throws -> [Action] {
        do {
            return try performProjectsUnchecked(effect, language: language)
        } catch AppError.invalid(let validation) {
            return [.failed(tr(.errorPrefix, language, validation.text(language.rawValue)), field: ProjectForms.field(for: validation.field))]
        } catch let validation as ValidationError {
            return [.failed(tr(.errorPrefix, language, validation.text(language.rawValue)), field: ProjectForms.field(for: validation.field))]
        }
    }

    private func performProjectsUnchecked(_ effect: ProjectsEffect, language: Language) throws -> [Action] {
        switch effect {
        case .loadList(let today):
            // Page by page on the title index; a register has tens or hundreds of projects.
            var items: [ProjectSummary] = []
            var cursor: ProjectCursor?
            repeat {
                let page = try database.projects(ProjectFilter(today: today), after: cursor, limit: 500)
                items += page.items
                cursor = page.next
            } while cursor != nil
            return [.projectsLoaded(.list(items))]
        case .loadDetail(let id):
            guard let detail = try database.projectDetail(id: id) else { return [] }
            return [.projectsLoaded(.detail(detail))]
        case .save(let project):
            let isNew = project.id == nil
            let saved = isNew ? try database.addProject(project) : try database.updateProject(project)
            return [.saved(tr(isNew ? .addedProject : .savedProject, language, saved.title), select: .project(saved.id!))]
        case .delete(let id):
            let project = try database.project(id: id)
            try database.removeProject(id: id)
            return [.saved(tr(.deletedProject, language, project?.title ?? ""), select: nil)]
        case .saveAction(let action):
            let isNew = action.id == nil
            let saved = isNew ? try database.addAction(action) : try database.updateAction(action)
            return [.saved(tr(isNew ? .addedAction : .savedAction, language, saved.what), select: .project(saved.projectId))]
        case .markDone(let action, let day):
            let done = try database.markActionDone(id: action.id!, on: day, expectedVersion: action.version)
            return [.saved(tr(.actionMarkedDone, language, done.what, day.display(language)), select: .project(done.projectId))]
        case .deleteAction(let action):
            try database.removeAction(id: action.id!)
            return [.saved(tr(.deletedAction, language, action.what), select: .project(action.projectId))]
        }
    }

    /// The save again with the version now in the database ("overwrite" after a conflict).
    func projectsWithCurrentVersion(_ effect: ProjectsEffect) throws -> ProjectsEffect {
        switch effect {
        case .save(var project):
            if let id = project.id, let current = try database.project(id: id) { project.version = current.version }
            return .save(project)
        case .saveAction(var action):
            if let id = action.id, let current = try database.actions(projectId: action.projectId).first(where: { $0.id == id }) {
                action.version = current.version
            }
            return .saveAction(action)
        default:
            return effect
        }
    }

    /// True when the project or action being saved no longer exists.
    func projectsRecordIsGone(_ effect: ProjectsEffect) -> Bool {
        switch effect {
        case .save(let project):
            guard let id = project.id else { return false }
            return ((try? database.project(id: id)) ?? nil) == nil
        case .saveAction(let action), .markDone(let action, _):
            guard let id = action.id else { return false }
            return !((try? database.actions(projectId: action.projectId)) ?? []).contains { $0.id == id }
        default:
            return false
        }
    }

    /// The form again, filled from the record as it is now ("reload" after a conflict).
    func reloadProjectForm(_ kind: FormKind, language: Language) throws -> Action? {
        switch kind {
        case .editProject(let project):
            guard let current = try database.projectDetail(id: project.id!) else { return .formClosed(tr(.deletedMeanwhile, language)) }
            return .reloaded(Forms.editProject(current, language: language))
        case .editAction(let action):
            guard let current = try database.actions(projectId: action.projectId).first(where: { $0.id == action.id }) else {
                return .formClosed(tr(.deletedMeanwhile, language))
            }
            return .reloaded(Forms.editAction(current, language: language))
        default:
            return nil
        }
    }
}
