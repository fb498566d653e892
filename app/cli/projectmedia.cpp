#include "projectmedia.h"

#include "core/store/project.h"
#include "core/training/mediatensorreader.h"
#ifdef CHORUS_HAVE_MEDIA
#include "core/media/projectmediareader.h"
#endif

std::unique_ptr<chorus::MediaTensorReader> mediaReaderFor(chorus::Project &project)
{
#ifdef CHORUS_HAVE_MEDIA
    return std::make_unique<chorus::ProjectMediaReader>(project.path());
#else
    (void)project;
    return nullptr;
#endif
}
