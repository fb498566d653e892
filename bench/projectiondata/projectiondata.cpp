#include "projectiondata.h"

#include "core/util/deterministicrandom.h"

#include <cstdlib>
#include <cstring>
#include <fstream>

bool writeNpy(const std::string &path, const std::vector<float> &values, std::size_t rows, std::size_t columns)
{
    std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + std::to_string(rows) + ", "
                         + std::to_string(columns) + "), }";
    const std::size_t unpadded = 10 + header.size() + 1;
    header.append((64 - unpadded % 64) % 64, ' ');
    header += '\n';
    std::ofstream out(path, std::ios::binary);
    const char magic[] = {'\x93', 'N', 'U', 'M', 'P', 'Y', 1, 0};
    out.write(magic, 8);
    const std::uint16_t length = static_cast<std::uint16_t>(header.size());
    const char lengthBytes[] = {char(length & 0xff), char(length >> 8)};
    out.write(lengthBytes, 2);
    out.write(header.data(), std::streamsize(header.size()));
    // .npy stores little-endian floats; every machine this benchmark runs on is little-endian.
    out.write(reinterpret_cast<const char *>(values.data()), std::streamsize(values.size() * sizeof(float)));
    return bool(out);
}

bool readNpy(const std::string &path, std::vector<float> &values, std::size_t &rows, std::size_t &columns)
{
    std::ifstream in(path, std::ios::binary);
    char magic[10];
    if (!in.read(magic, 10) || std::memcmp(magic, "\x93NUMPY", 6) != 0 || magic[6] != 1)
        return false;
    const std::size_t length = std::size_t(std::uint8_t(magic[8])) | (std::size_t(std::uint8_t(magic[9])) << 8);
    std::string header(length, '\0');
    if (!in.read(header.data(), std::streamsize(length)))
        return false;
    if (header.find("'<f4'") == std::string::npos || header.find("'fortran_order': False") == std::string::npos)
        return false;
    const std::size_t shape = header.find("'shape': (");
    if (shape == std::string::npos)
        return false;
    char *end = nullptr;
    rows = std::strtoull(header.c_str() + shape + 10, &end, 10);
    if (*end != ',')
        return false;
    columns = std::strtoull(end + 1, &end, 10);
    values.resize(rows * columns);
    return rows > 0 && columns > 0
           && bool(in.read(reinterpret_cast<char *>(values.data()), std::streamsize(values.size() * sizeof(float))));
}

std::vector<float> gaussianMixture(std::size_t rows, std::size_t dims, int clusters, std::uint64_t seed)
{
    chorus::DeterministicRandom random(chorus::DeterministicRandom::derive(seed, 0xda7a));
    std::vector<double> centres(std::size_t(clusters) * dims);
    for (double &c : centres)
        c = 2.0 * random.roughNormal();
    std::vector<float> data(rows * dims);
    for (std::size_t i = 0; i < rows; ++i) {
        const std::size_t c = random.below(std::uint64_t(clusters));
        for (std::size_t j = 0; j < dims; ++j)
            data[i * dims + j] = float(centres[c * dims + j] + random.roughNormal());
    }
    return data;
}
